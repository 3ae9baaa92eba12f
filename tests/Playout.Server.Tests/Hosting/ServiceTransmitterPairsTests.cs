using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.AsRun;
using Playout.Devices;
using Playout.Devices.Redundancy;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>The service's pairs write every changeover, automatic or an operator's, to the as-run log of a channel run from a schedule, with who.</summary>
public class ServiceTransmitterPairsTests
{
    [Fact]
    public async Task An_automatic_and_a_manual_changeover_are_operator_notes_in_the_as_run_log()
    {
        using var folder = new TempDirectory();
        folder.Write("template.yaml", Encoding.UTF8.GetBytes("date: 2026-01-01\nevents:\n  - { id: a, kind: filler, source: \"#404040\", duration: \"24:00:00\" }\n"));
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [],
                             "automation": { "template": "template.yaml", "timeZone": "UTC" } }]
            }
            """));
        // The transmitters are the test's own (a fault is its alarm raised here), so the pair is given after loading.
        var service = ServiceConfig.Load(path) with
        {
            TransmitterPairs = [new TransmitterPairConfig { Name = "site", Main = "tx-main", Reserve = "tx-reserve", HoldOffSeconds = 0.2 }],
        };
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var runtime = ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All));
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        await using var registry = new DeviceRegistry([new Transmitter("tx-main", context), new Transmitter("tx-reserve", context)]);
        registry.Start();
        await using var pairs = ServiceTransmitterPairs.Start(service, registry, [runtime], alarms, NullLogger.Instance);
        var automation = runtime.Automation!.Automation;

        alarms.Raise("device tx-main/vswr", AlarmSeverity.Major, "tx-main: VSWR trip: RF off");
        await Until(() => pairs.Find("site")!.Status().OnAir == TransmitterSide.Reserve);
        alarms.Clear("device tx-main/vswr");
        await pairs.Find("site")!.ChangeoverAsync(TransmitterSide.Main, "alice", default);
        Assert.Equal(("rf state=on", "rf state=off"), (registry.Find("tx-main")!.Status().LastCommand, registry.Find("tx-reserve")!.Status().LastCommand));

        await Until(() => automation.RecentAsRun.Count(e => e.EventId == "transmitters") == 2);
        var notes = automation.RecentAsRun.Where(e => e.EventId == "transmitters").ToList();
        Assert.All(notes, n => Assert.Equal(AsRunStatus.Operator, n.Status));
        Assert.StartsWith("transmitters site: changeover to reserve (automatic: tx-main: VSWR trip: RF off) by automatic at ", notes[0].Reason);
        Assert.StartsWith("transmitters site: changeover to main (manual) by alice at ", notes[1].Reason);
    }

    [Fact]
    public async Task Alarms_of_the_devices_and_pairs_that_carry_a_channel_are_noted_in_its_as_run_log_and_no_others()
    {
        using var folder = new TempDirectory();
        folder.Write("template.yaml", Encoding.UTF8.GetBytes("date: 2026-01-01\nevents:\n  - { id: a, kind: filler, source: \"#404040\", duration: \"24:00:00\" }\n"));
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [],
                             "automation": { "template": "template.yaml", "timeZone": "UTC" } }]
            }
            """));
        var service = ServiceConfig.Load(path) with
        {
            Devices = [new DeviceConfig { Name = "encoder", Channel = 1 }, new DeviceConfig { Name = "router" }],
            TransmitterPairs = [new TransmitterPairConfig { Name = "site", Main = "tx-main", Reserve = "tx-reserve", Channel = 1 }],
        };
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var runtime = ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All));
        using var notes = DeviceAlarmNotes.Attach(service, [runtime], alarms);
        var automation = runtime.Automation!.Automation;

        alarms.Raise("device encoder/input", AlarmSeverity.Major, "encoder: input lost");
        alarms.Raise("device tx-reserve/vswr", AlarmSeverity.Critical, "tx-reserve: VSWR trip: RF off");
        alarms.Raise("transmitters site/held", AlarmSeverity.Minor, "site: changeover to reserve held");
        alarms.Raise("device router/connection", AlarmSeverity.Major, "router: no link");
        alarms.Clear("device encoder/input");
        await Until(() => automation.RecentAsRun.Count(e => e.Status == AsRunStatus.Alarm) == 4);
        await Task.Delay(200);
        var noted = automation.RecentAsRun.Where(e => e.Status == AsRunStatus.Alarm).Select(e => (e.Title, e.Reason)).ToList();
        Assert.Equal(
            [("device encoder/input", "raised, major: encoder: input lost"), ("device tx-reserve/vswr", "raised, critical: tx-reserve: VSWR trip: RF off"),
             ("transmitters site/held", "raised, minor: site: changeover to reserve held"), ("device encoder/input", "cleared: encoder: input lost")],
            noted);
    }

    [Theory]
    [InlineData(3, "there is no channel 3 (channels are 1..1)")]
    [InlineData(1, "channel 1 is not run from a schedule, so it has no as-run log to note the device's alarms in")]
    public void A_devices_channel_must_exist_and_run_from_a_schedule(int channel, string problem)
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [ { "name": "encoder", "driver": "log", "channel": {{channel}} } ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.True(error.Message.Contains($"{path}, line 3: devices[0].channel: {problem}"), error.Message);
    }

    private static async Task Until(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(20);
        }
    }

    /// <summary>A transmitter that takes any command and answers at once.</summary>
    private sealed class Transmitter(string name, DeviceContext context) : Device(name, "test", context)
    {
        public override IReadOnlyList<DeviceCommandSpec>? Commands => null;

        public override void Start() => SetConnection(ConnectionState.Connected);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) => Task.CompletedTask;

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}
