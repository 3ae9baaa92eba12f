using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>
/// GPI triggers from the configuration act on a running channel's automation: an input's configured edge takes the next
/// event as "gpi DEVICE input N" (noted in as-run), the other edge and other inputs do nothing; junk triggers are refused
/// at load with their line. The serial path of the edges is the gpi-serial driver's own tests' (Playout.Devices.Tests).
/// </summary>
public class GpiTriggerTests
{
    [Fact]
    public async Task A_configured_edge_takes_the_next_event_as_the_gpi_and_nothing_else_does()
    {
        using var folder = new TempDirectory();
        var events = string.Concat(Enumerable.Range(0, 24).Select(h => $"  - {{ id: h{h:00}, kind: filler, source: \"#{40 + h:00}4040\", duration: \"01:00:00\" }}\n"));
        folder.Write("template.yaml", Encoding.UTF8.GetBytes("date: 2026-01-01\nevents:\n" + events));
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "channels": [{ "name": "gpi channel", "format": "576i50", "clock": "system", "outputs": [],
                             "automation": { "template": "template.yaml", "timeZone": "UTC" } }]
            }
            """));
        // The device is the test's own (its edges made here), so it is given after loading.
        var service = ServiceConfig.Load(path) with
        {
            Devices = [new DeviceConfig { Name = "gpi-1", Driver = "test", Triggers = [new DeviceTrigger { Input = 2, Channel = 1, Action = "take" }] }],
        };
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var runtime = ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All));
        var automation = runtime.Automation!.Automation;
        await using var box = new Inputs(new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System));
        await using var registry = new DeviceRegistry([box]);
        GpiTriggers.Attach(service, registry, [runtime], NullLogger.Instance);
        await Until(() => automation.Status().OnAir is not null);
        string before = automation.Status().OnAir!.Id;

        box.Edge(2, closed: false);
        box.Edge(3, closed: true);
        await Task.Delay(500);
        Assert.Equal(before, automation.Status().OnAir!.Id);

        box.Edge(2, closed: true);
        await Until(() => automation.Status().OnAir!.Id != before);
        await Until(() => automation.RecentAsRun.Any(e => e.Actions?.Contains("by gpi gpi-1 input 2", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Junk_triggers_are_refused_at_load_with_their_line()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "devices": [
                { "name": "gpi-1", "driver": "gpi-serial", "settings": { "port": "/dev/ttyUSB0" },
                  "triggers": [ { "input": 9, "edge": "up", "channel": 3, "action": "explode" } ] },
                { "name": "log-1", "driver": "log", "triggers": [ { "input": 1, "channel": 1, "action": "take" } ] },
                { "name": "gpi-2", "driver": "gpi-serial", "settings": { "baud": "fast" } }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal(
        [
            $"{path}, line 5: devices[0].triggers[0].input: 9 is not an input (1 to 8)",
            $"{path}, line 5: devices[0].triggers[0].edge: 'up' is not an edge (closed or opened)",
            $"{path}, line 5: devices[0].triggers[0].channel: there is no channel 3 (channels are 1..1)",
            $"{path}, line 5: devices[0].triggers[0].action: 'explode' is not an action (take, hold, release, skip, break)",
            $"{path}, line 6: devices[1].triggers[0].channel: channel 1 is not run from a schedule: a GPI cannot take or hold it",
            $"{path}, line 6: devices[1].triggers: the log driver has no GPI inputs to trigger from",
            $"{path}, line 7: devices[2].settings: port: missing (the serial device, e.g. /dev/ttyUSB0)",
        ], error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_trigger_on_a_gpio_line_that_is_not_one_of_its_inputs_is_refused_at_load()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "devices": [
                { "name": "lines", "driver": "gpio", "settings": { "chip": "0", "inputs": "17,27" },
                  "triggers": [ { "input": 2, "channel": 1, "action": "take" }, { "input": 3, "channel": 1, "action": "take" } ] },
                { "name": "relays", "driver": "gpio", "settings": { "chip": "0", "outputs": "22" }, "triggers": [ { "input": 1, "channel": 1, "action": "take" } ] }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [], "automation": {} }]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal(
        [
            $"{path}, line 5: devices[0].triggers[1].input: 3 is not an input (1 to 2)",
            $"{path}, line 6: devices[1].triggers: the gpio driver has no GPI inputs to trigger from",
        ], error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
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

    /// <summary>A device with GPI inputs whose edges the test makes.</summary>
    private sealed class Inputs(DeviceContext context) : Device("gpi-1", "test", context), IGpiInputs
    {
        public event Action<int, bool>? InputChanged;

        public int InputCount => 8;

        public override IReadOnlyList<DeviceCommandSpec>? Commands => [];

        public void Edge(int input, bool closed) => InputChanged?.Invoke(input, closed);

        public override void Start() => SetConnection(ConnectionState.Connected);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) => Task.CompletedTask;

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}
