using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.Server.Monitoring;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;
using Playout.TestSupport;

namespace Playout.Server.Tests.Monitoring;

/// <summary>The service's agent over a real channel and the alarm board, read and written with net-snmp's tools.</summary>
public sealed class SnmpHostTests : IAsyncDisposable
{
    private static readonly ChannelConfig Channel = new()
    {
        Name = "snmp channel",
        Format = "720p50",
        Clock = ClockKind.System,
        Outputs = [new OutputConfig { Type = OutputKind.Preview, Width = 160, Height = 90 }],
    };

    private readonly AlarmBoard _alarms = new(NullLogger.Instance);
    private readonly List<ChannelRuntime> _channels = [];
    private readonly UdpClient _manager = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly TempDirectory _state = new();
    private SnmpHost? _host;

    private SnmpHost Start(string? writeCommunity = null, IReadOnlyList<UsmUserOptions>? users = null)
    {
        var manager = (IPEndPoint)_manager.Client.LocalEndPoint!;
        var config = new ServiceConfig
        {
            Channels = [Channel],
            State = _state.Path,
            Snmp = new SnmpConfig
            {
                Enabled = true,
                Listen = $"127.0.0.1:{FreePorts.Udp()}",
                WriteCommunity = writeCommunity,
                Managers = [new SnmpManagerConfig { Address = manager.ToString() }],
                Views = new Dictionary<string, IReadOnlyList<string>> { ["playout"] = ["include 1.3.6.1.4.1.32473"] },
                Users = users ?? [],
            },
        };
        _channels.Add(ChannelRuntime.Start(config, Channel, NullLoggerFactory.Instance, _alarms, new ModuleRegistry(StandardModules.All)));
        _host = SnmpHost.Start(config, "service.json", _alarms, NullLogger.Instance)!;
        _host.OnAir(_channels);
        return _host;
    }

    private static string[] V2c(int port, string community, params string[] rest) =>
        ["-v2c", "-c", community, "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{port}", .. rest];

    private static ToolResult Snmp(string tool, string[] arguments) =>
        ExternalTool.Execute(tool, arguments, environment: new Dictionary<string, string> { ["SNMPCONFPATH"] = Path.GetTempPath() });

    [Fact]
    public void Walk_of_the_enterprise_shows_the_channel_on_air_and_its_output()
    {
        var host = Start();
        var walk = Snmp("snmpwalk", V2c(host.Port, "public", "1.3.6.1.4.1.32473"));
        Assert.True(walk.ExitCode == 0, walk.Error);
        Assert.Contains(".1.3.6.1.4.1.32473.1.1.1.0 = STRING: \"Playout\"", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.2.1.1.2.1 = STRING: \"snmp channel\"", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.2.1.1.3.1 = STRING: \"720p50\"", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.2.1.1.4.1 = INTEGER: 2", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.3.1.1.2.1.1 = STRING: \"preview\"", walk.OutputText);
        // The channel's probe consumer watches the programme; it is no output.
        Assert.DoesNotContain(".1.3.6.1.4.1.32473.1.3.1.1.2.1.2 ", walk.OutputText);
        var sysObjectId = Snmp("snmpget", V2c(host.Port, "public", "1.3.6.1.2.1.1.2.0"));
        Assert.Contains("OID: .1.3.6.1.4.1.32473.3.1", sysObjectId.OutputText);
    }

    [Fact]
    public async Task The_device_table_lists_each_device_with_its_driver_and_link()
    {
        var host = Start();
        var context = new Devices.DeviceContext(_alarms, NullLogger.Instance, TimeProvider.System);
        await using var devices = new Devices.DeviceRegistry([new Devices.Log.LogDeviceDriver().Open("gpi-1", new Dictionary<string, string>(), context),
            new Devices.Log.LogDeviceDriver().Open("gpi-2", new Dictionary<string, string>(), context)]);
        devices.All[0].Start();
        host.Watch(devices);
        var walk = Snmp("snmpwalk", V2c(host.Port, "public", "1.3.6.1.4.1.32473.1.5"));
        Assert.True(walk.ExitCode == 0, walk.Error);
        // gpi-1 started (online, 2); gpi-2 not yet (unknown, 1).
        Assert.Contains(".1.3.6.1.4.1.32473.1.5.1.1.2.1 = STRING: \"gpi-1\"", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.5.1.1.3.2 = STRING: \"log\"", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.5.1.1.4.1 = INTEGER: 2", walk.OutputText);
        Assert.Contains(".1.3.6.1.4.1.32473.1.5.1.1.4.2 = INTEGER: 1", walk.OutputText);
    }

    [Fact]
    public async Task A_raised_alarm_is_in_the_alarm_table_and_trapped_and_its_channel_degraded()
    {
        var host = Start();
        _alarms.Raise("snmp channel/layer 10", AlarmSeverity.Critical, "clip gone: demo.mov");
        // A loaded machine may add a slips alarm of the channel's own: this test's alarm is found by its source.
        var alarm = _alarms.Listed.Single(a => a.Source == "snmp channel/layer 10");

        var trap = await ReceiveNotification("1.3.6.1.4.1.32473.0.1", alarm.Id);
        Assert.Equal(PduType.SnmpV2Trap, trap.Type);
        Assert.Equal(new ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.32473.0.1")), trap.VarBinds[1].Value);
        Assert.Contains(trap.VarBinds, vb => vb.Oid == Oid.Parse($"1.3.6.1.4.1.32473.1.4.1.1.4.{alarm.Id}") && vb.Value.Equals(new OctetString("clip gone: demo.mov")));

        var walk = Snmp("snmpwalk", V2c(host.Port, "public", "1.3.6.1.4.1.32473.1.4"));
        Assert.Contains($".1.3.6.1.4.1.32473.1.4.1.1.2.{alarm.Id} = STRING: \"snmp channel/layer 10\"", walk.OutputText);
        Assert.Contains($".1.3.6.1.4.1.32473.1.4.1.1.3.{alarm.Id} = INTEGER: 3", walk.OutputText);
        var state = Snmp("snmpget", V2c(host.Port, "public", "1.3.6.1.4.1.32473.1.2.1.1.4.1"));
        Assert.Contains("INTEGER: 3", state.OutputText);
        Assert.True(host.Notifications.TrapsSent >= 1);
    }

    [Fact]
    public async Task A_channel_going_off_air_sends_channelStateChanged()
    {
        Start();
        // Let the state poll see the channel on air first (its first sighting sets the baseline).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        _channels[0].Channel.Stop();
        var changed = await ReceiveNotification("1.3.6.1.4.1.32473.0.4", 1);
        Assert.Contains(changed.VarBinds, vb => vb.Oid == Oid.Parse("1.3.6.1.4.1.32473.1.2.1.1.4.1") && vb.Value.Equals(new Integer32(1)));
        Assert.Contains(changed.VarBinds, vb => vb.Value.Equals(new OctetString("snmp channel")));
    }

    [Fact]
    public async Task Snmpset_acknowledges_on_the_board_when_writes_are_on_and_is_refused_when_off()
    {
        var host = Start(writeCommunity: "write-secret");
        _alarms.Raise("snmp channel/output preview", AlarmSeverity.Major, "preview stalled");
        var alarm = _alarms.Listed.Single(a => a.Source == "snmp channel/output preview");
        await ReceiveNotification("1.3.6.1.4.1.32473.0.1", alarm.Id);

        var refused = Snmp("snmpset", V2c(host.Port, "public", $"1.3.6.1.4.1.32473.1.4.1.1.6.{alarm.Id}", "i", "1"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("noAccess", refused.Error);
        Assert.Null(_alarms.Find(alarm.Id)!.Ack);

        var set = Snmp("snmpset", V2c(host.Port, "write-secret", $"1.3.6.1.4.1.32473.1.4.1.1.6.{alarm.Id}", "i", "1"));
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal("snmp v2c 127.0.0.1", _alarms.Find(alarm.Id)!.Ack!.Who);
        var acknowledged = await ReceiveNotification("1.3.6.1.4.1.32473.0.3", alarm.Id);
        Assert.Contains(acknowledged.VarBinds, vb => vb.Value.Equals(new OctetString("snmp v2c 127.0.0.1")));
    }

    [Fact]
    public void An_snmpv3_user_reads_its_view_with_authPriv_and_a_wrong_password_reads_nothing()
    {
        var host = Start(users: [new UsmUserOptions
        {
            Name = "noc", Auth = "SHA-256", AuthPassword = "auth-secret-1", Priv = "AES", PrivPassword = "priv-secret-1", ReadView = "playout",
        }]);
        string[] V3(string authPassword, string oid) =>
            ["-v3", "-l", "authPriv", "-u", "noc", "-a", "SHA-256", "-A", authPassword, "-x", "AES", "-X", "priv-secret-1", "-On", "-t", "2", "-r", "1",
             $"udp:127.0.0.1:{host.Port}", oid];
        var channel = Snmp("snmpget", V3("auth-secret-1", "1.3.6.1.4.1.32473.1.2.1.1.2.1"));
        Assert.True(channel.ExitCode == 0, channel.Error);
        Assert.Contains("STRING: \"snmp channel\"", channel.OutputText);
        var outside = Snmp("snmpget", V3("auth-secret-1", "1.3.6.1.2.1.1.5.0"));
        Assert.Contains("No Such Object", outside.OutputText);
        var wrong = Snmp("snmpget", V3("not-the-secret", "1.3.6.1.4.1.32473.1.2.1.1.2.1"));
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.DoesNotContain("snmp channel", wrong.OutputText);
        Assert.True(File.Exists(Path.Combine(_state.Path, "snmp-engine")));
    }

    [Fact]
    public async Task Junk_datagrams_leave_the_agent_answering_and_the_channel_on_air()
    {
        var host = Start();
        var channel = _channels[0].Channel;
        var tickBefore = channel.Tick;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var agent = new IPEndPoint(IPAddress.Loopback, host.Port);
        var random = new Random(2026);
        var valid = new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(),
            Pdu.Request(PduType.GetNext, 1, new VarBind(Oid.Parse("1.3.6.1.4.1.32473")))).Encode();
        for (var i = 0; i < 5000; i++)
        {
            var junk = (byte[])valid.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--) junk[random.Next(junk.Length)] = (byte)random.Next(256);
            await socket.SendToAsync(random.Next(4) == 0 ? junk[..random.Next(junk.Length)] : junk, SocketFlags.None, agent);
            if (i % 200 == 199) await Task.Delay(1);
        }
        var get = Snmp("snmpget", V2c(host.Port, "public", "1.3.6.1.4.1.32473.1.2.1.1.2.1"));
        Assert.True(get.ExitCode == 0, get.Error);
        Assert.Contains("STRING: \"snmp channel\"", get.OutputText);
        Assert.True(channel.IsRunning);
        // Still ticking (on a loaded machine it may slip frames, which is not the agent's doing, so alarms are not asserted).
        Assert.True(channel.Tick > tickBefore, "the channel stopped ticking");
    }

    [Fact]
    public void A_take_over_snmp_on_a_channel_without_a_schedule_is_inconsistentValue()
    {
        var host = Start(writeCommunity: "write-secret");
        var take = Snmp("snmpset", V2c(host.Port, "write-secret", "1.3.6.1.4.1.32473.1.2.1.1.16.1", "i", "2"));
        Assert.NotEqual(0, take.ExitCode);
        Assert.Contains("inconsistentValue", take.Error);
    }

    [Fact]
    public void A_port_in_use_is_a_configuration_error_naming_the_setting()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var config = new ServiceConfig { Channels = [Channel], State = _state.Path, Snmp = new SnmpConfig { Enabled = true, Listen = taken.Client.LocalEndPoint!.ToString()! } };
        var error = Assert.Throws<ConfigException>(() => SnmpHost.Start(config, "service.json", _alarms, NullLogger.Instance));
        Assert.Equal($"snmp.listen {config.Snmp.Listen} is in use (another playout or snmpd?); change \"snmp.listen\" in service.json", error.Message);
    }

    [Fact]
    public void Off_by_default_it_starts_nothing()
    {
        var config = new ServiceConfig { Channels = [Channel], Snmp = new SnmpConfig() };
        Assert.Null(SnmpHost.Start(config, "service.json", _alarms, NullLogger.Instance));
    }

    /// <summary>The next notification the manager receives of type <paramref name="trapOid"/> about alarm <paramref name="alarmId"/>.</summary>
    private async Task<Pdu> ReceiveNotification(string trapOid, long alarmId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await _manager.ReceiveAsync(timeout.Token);
            var message = CommunityMessage.Decode(received.Buffer);
            Assert.Equal("public", System.Text.Encoding.UTF8.GetString(message.Community));
            if (message.Pdu.VarBinds[1].Value.Equals(new ObjectIdentifier(Oid.Parse(trapOid)))
                && message.Pdu.VarBinds.Skip(2).All(vb => vb.Oid[^1] == (uint)alarmId))
                return message.Pdu;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        foreach (var channel in _channels) channel.Dispose();
        _manager.Dispose();
        _alarms.Dispose();
        _state.Dispose();
    }
}
