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
}
