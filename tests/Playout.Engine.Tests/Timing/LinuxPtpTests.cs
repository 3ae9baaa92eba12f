using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Clocks.Ptp;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// The "ptp" clock against Debian's linuxptp, started by the test: a grandmaster ptp4l and a follower ptp4l (free-running,
/// so the host's clock is left alone) on the two ends of a virtual Ethernet pair, software time stamps, the ST 2059-2
/// domain. The clock reads the follower through its management socket, as it reads the host's ptp4l on air.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public sealed partial class LinuxPtpTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _link = $"pl{Environment.ProcessId % 100000:x}{Random.Shared.Next(0x1000):x3}";
    private readonly List<Process> _daemons = [];

    [Fact]
    public void The_clock_locks_to_a_linuxptp_grandmaster_names_it_in_the_sdp_and_alarms_when_it_goes()
    {
        ExternalTool.Run("ip", ["link", "add", $"{_link}a", "type", "veth", "peer", "name", $"{_link}b"]);
        ExternalTool.Run("ip", ["link", "set", $"{_link}a", "up"]);
        ExternalTool.Run("ip", ["link", "set", $"{_link}b", "up"]);
        var grandmaster = Start("grandmaster", $"{_link}a", "priority1 100");
        Start("follower", $"{_link}b", "priority1 200\nslaveOnly 1\nfree_running 1");
        var ptp = new LinuxPtp(_folder.File("follower.sock"), 127);
        Assert.True(SpinWait.SpinUntil(() => ptp.Query() is { GrandmasterPresent: true }, TimeSpan.FromSeconds(20)),
            $"the follower never found the grandmaster: {File.ReadAllText(_folder.File("follower.log"))}");
        string identity = Identity().Match(File.ReadAllText(_folder.File("grandmaster.log"))).Groups[1].Value;
        Assert.Equal(identity, ptp.Query()!.Grandmaster);

        var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("c", VideoFormats.Parse("1080i50"), 4, 4, NullLogger.Instance, alarms);
        var clock = new PtpClock(context.Format.FrameRate, ptp, 127, TimeSpan.FromMilliseconds(1), alarms, "c");
        using var channel = new Channel(context, clock, SyntheticProducers.Color(context, "black"));
        Assert.True(SpinWait.SpinUntil(() => clock.IsLocked, TimeSpan.FromSeconds(10)), clock.Source);
        using var output = (St2110Consumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004")));
        var eui = string.Join('-', Regex.Matches(identity.Replace(".", ""), "..").Select(m => m.Value.ToUpperInvariant()));
        Assert.Contains($"a=ts-refclk:ptp=IEEE1588-2008:{eui}:127\r\n", output.Sdp);
        Assert.False(alarms.IsActive(ClockAlarms.Reference("c")));

        grandmaster.Kill();
        Assert.True(SpinWait.SpinUntil(() => alarms.IsActive(ClockAlarms.Reference("c")), TimeSpan.FromSeconds(20)),
            "the grandmaster's loss raised no alarm");
        Assert.StartsWith("system clock", clock.Source);
        var before = clock.WaitNextTick();
        Assert.Equal(before.Frame + 1, clock.WaitNextTick().Frame);
    }

    public void Dispose()
    {
        foreach (var daemon in _daemons)
        {
            if (!daemon.HasExited)
                daemon.Kill();
            daemon.WaitForExit();
            daemon.Dispose();
        }
        ExternalTool.Execute("ip", ["link", "del", $"{_link}a"]);
        _folder.Dispose();
    }

    /// <summary>Starts ptp4l on <paramref name="port"/> with ST 2059-2's domain and rates, software time stamps, Ethernet transport.</summary>
    private Process Start(string name, string port, string role)
    {
        string config = _folder.Write($"{name}.cfg", System.Text.Encoding.UTF8.GetBytes($"""
            [global]
            domainNumber 127
            logAnnounceInterval -2
            logSyncInterval -3
            logMinDelayReqInterval -3
            announceReceiptTimeout 3
            time_stamping software
            network_transport L2
            uds_address {_folder.File($"{name}.sock")}
            {role}

            """));
        var start = new ProcessStartInfo("ptp4l") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", config, "-i", port, "-m" })
            start.ArgumentList.Add(argument);
        var daemon = Process.Start(start)!;
        var log = File.CreateText(_folder.File($"{name}.log"));
        log.AutoFlush = true;
        daemon.OutputDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        daemon.ErrorDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        _daemons.Add(daemon);
        return daemon;
    }

    [GeneratedRegex(@"selected local clock (\S+) as best master")]
    private static partial Regex Identity();
}
