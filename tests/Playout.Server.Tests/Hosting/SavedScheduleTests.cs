using Playout.Automation.Schedules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>The saved schedule keeps its version, so versions only grow across restarts.</summary>
public class SavedScheduleTests
{
    private static readonly DaySchedule Day = new(new DateOnly(2026, 3, 1), [new PrimaryEvent("a", PrimaryKind.Filler, "#808080", Duration: TimeSpan.FromSeconds(10))]);

    [Fact]
    public void The_version_is_saved_and_restored_with_the_days_and_template()
    {
        using var folder = new TempDirectory();
        string path = folder.File("state/schedules/channel.json");
        var schedule = ChannelSchedule.Empty.WithTemplate(Day.Events);
        for (int i = 0; i < 16; i++)
            schedule = schedule.With(Day);
        Assert.Equal(17, schedule.Version);

        SavedSchedule.Save(path, schedule);
        var loaded = SavedSchedule.Load(path)!;

        Assert.Equal(17, loaded.Version);
        Assert.True(EventEquality.Same(Day.Events[0], loaded[Day.Date]!.Events.Single()));
        Assert.NotNull(loaded.Template);
        Assert.Equal(18, loaded.Without(Day.Date).Version);
    }

    [Fact]
    public void A_schedule_saved_without_a_version_loads_numbered_from_its_own_edits()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("old.json", System.Text.Encoding.UTF8.GetBytes("""
            { "days": [ { "date": "2026-03-01", "events": [ { "id": "a", "kind": "filler", "source": "#808080", "duration": "00:00:10" } ] } ] }
            """));

        var loaded = SavedSchedule.Load(path)!;

        Assert.Equal(2, loaded.Version);
        Assert.Equal("a", loaded[new DateOnly(2026, 3, 1)]!.Events.Single().Id);
    }

    [Fact]
    public void A_saved_schedule_the_configuration_no_longer_takes_stops_the_start_naming_the_file_and_what_to_do()
    {
        using var folder = new TempDirectory();
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "devices": [ { "name": "gpi", "driver": "log" } ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [], "automation": { "timeZone": "UTC" } }]
            }
            """));
        var service = ServiceConfig.Load(config);
        // Saved while the device was another one: its command's arguments are not this configuration's.
        var pulse = new SecondaryEvent(SecondaryKind.Device, Device: "gpi", Command: "pulse", Arguments: new Dictionary<string, string> { ["pin"] = "1" });
        string saved = Path.Combine(service.StatePath, "schedules", "c1.json");
        SavedSchedule.Save(saved, ChannelSchedule.Empty.WithTemplate([Day.Events[0] with { Secondaries = [pulse] }]));
        using var alarms = new Playout.Engine.Alarms.AlarmBoard(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var error = Assert.Throws<ConfigException>(() => ChannelRuntime.Start(service, service.Channels[0], Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            alarms, new Playout.Engine.Modules.ModuleRegistry(Playout.Engine.Modules.StandardModules.All), devices: new RefusingDevices()));
        Assert.Contains($"the saved schedule {saved} cannot be used: ", error.Message);
        Assert.Contains("pin: no such argument", error.Message);
        Assert.EndsWith("correct the configuration, or move the file away to start from the configured schedule", error.Message);
        Assert.True(File.Exists(saved), "the operators' schedule is kept");
    }

    /// <summary>Devices whose pulse takes an output, as a GPI box's does.</summary>
    private sealed class RefusingDevices : Playout.Automation.Runtime.IDeviceCommands
    {
        public bool Has(string device) => true;

        public IReadOnlyList<string> Check(string device, string command, IReadOnlyDictionary<string, string> arguments) =>
            arguments.ContainsKey("pin") ? ["pin: no such argument of pulse (it takes output, ms)"] : [];

        public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) => Task.CompletedTask;
    }
}
