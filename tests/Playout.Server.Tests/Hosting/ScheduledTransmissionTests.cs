using System.Collections.Concurrent;
using System.Globalization;
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

/// <summary>
/// Scheduled transmission operations on a channel on the system clock: a power change to a transmitter and a changeover
/// of a pair, as device events of a fixed event, leave on their planned frames' wall-clock times; a pair takes only its
/// changeover, checked when the schedule loads.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class ScheduledTransmissionTests
{
    /// <summary>How late a command may leave after its frame's time: the tick starts it on a thread of its own, which a loaded machine may schedule late.</summary>
    private static readonly TimeSpan Late = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p59.94")]
    public async Task A_power_change_and_a_changeover_happen_on_their_planned_frames_wall_clock_time(string format)
    {
        using var folder = new TempDirectory();
        var start = DateTimeOffset.UtcNow.AddSeconds(5);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, TimeSpan.Zero);
        string at = start.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        folder.Write("template.yaml", Encoding.UTF8.GetBytes($$"""
            date: 2026-01-01
            events:
              - id: tx-ops
                kind: filler
                source: "#404040"
                start: "{{at}}"
                duration: "00:00:10"
                secondaries:
                  - { kind: device, device: tx-main, command: power, args: { percent: "60" } }
                  - { kind: device, device: site, command: changeover, offset: "00:00:01", args: { to: reserve } }
            """));
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "channels": [{ "name": "c1", "format": "{{format}}", "clock": "system", "outputs": [],
                             "automation": { "template": "template.yaml", "timeZone": "UTC", "dayStart": "00:00" } }]
            }
            """));
        var service = ServiceConfig.Load(path) with { TransmitterPairs = [new TransmitterPairConfig { Name = "site", Main = "tx-main", Reserve = "tx-reserve" }] };
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        var main = new Transmitter("tx-main", context);
        var reserve = new Transmitter("tx-reserve", context);
        await using var registry = new DeviceRegistry([main, reserve]);
        registry.Start();
        var devices = new ServiceDevices(registry);
        await using var pairs = ServiceTransmitterPairs.Start(service, registry, [], alarms, NullLogger.Instance);
        using var runtime = ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All),
            devices: new ScheduleDeviceCommands(devices, pairs));
        var host = runtime.Automation!;

        await Until(() => reserve.Received.ContainsKey("rf state=on"), TimeSpan.FromSeconds(20));
        var date = DateOnly.FromDateTime(start.UtcDateTime);
        long first = host.Time.TickAtLocal(date, start.TimeOfDay);
        var powerDue = host.Time.InstantOf(first);
        var changeoverDue = host.Time.InstantOf(first + host.Time.Frames(TimeSpan.FromSeconds(1)));
        var frame = runtime.Channel.Context.Format.TimeOf(1);
        Assert.InRange(main.Received["power percent=60"] - powerDue, -frame, Late);
        Assert.InRange(reserve.Received["rf state=on"] - changeoverDue, -frame, Late);
        Assert.Equal((TransmitterSide.Reserve, "schedule"), (pairs.Find("site")!.Status().OnAir, pairs.Find("site")!.Status().LastChangeover!.Who));
        Assert.True(main.Received.ContainsKey("rf state=off"));
    }

    [Fact]
    public async Task A_pair_takes_only_a_changeover_to_main_or_reserve_and_the_schedule_names_the_problem_at_load()
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        await using var registry = new DeviceRegistry([new Transmitter("tx-main", context), new Transmitter("tx-reserve", context)]);
        var service = new ServiceConfig { Channels = [], TransmitterPairs = [new TransmitterPairConfig { Name = "site", Main = "tx-main", Reserve = "tx-reserve" }] };
        await using var pairs = ServiceTransmitterPairs.Start(service, registry, [], alarms, NullLogger.Instance);
        var commands = new ScheduleDeviceCommands(new ServiceDevices(registry), pairs);
        Assert.True(commands.Has("site"));
        Assert.Empty(commands.Check("site", "changeover", new Dictionary<string, string> { ["to"] = "main" }));
        Assert.Equal(["to: 'spare' is not one of main, reserve"], commands.Check("site", "changeover", new Dictionary<string, string> { ["to"] = "spare" }));
        Assert.Equal(["transmitter pair site has no command 'power' (it takes changeover)"], commands.Check("site", "power", new Dictionary<string, string>()));
        Assert.Equal(["no device named far is configured"], commands.Check("far", "changeover", new Dictionary<string, string>()));
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => commands.SendAsync("site", "changeover", new Dictionary<string, string>(), default));
        Assert.Equal("to: missing (changeover needs it)", refused.Message);
    }

    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, "timed out");
            await Task.Delay(10);
        }
    }

    /// <summary>A transmitter that takes any command at once and records when each arrived.</summary>
    private sealed class Transmitter(string name, DeviceContext context) : Device(name, "test", context)
    {
        public ConcurrentDictionary<string, DateTimeOffset> Received { get; } = new();

        public override IReadOnlyList<DeviceCommandSpec>? Commands => null;

        public override void Start() => SetConnection(ConnectionState.Connected);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
        {
            Received.TryAdd($"{command} {string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}"))}", DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        }

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}
