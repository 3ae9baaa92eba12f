using Playout.Automation.Schedules;
using Playout.Engine.Alarms;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Filler on air before a later event is a warning naming what comes next; it clears when that event airs.</summary>
public class FillerAlarmTests
{
    private const string Source = "channel 1/filler";
    private static readonly DateOnly Day = new(2026, 11, 24);

    // Tick 0 is the 06:00 day start.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    private static Alarm? Filler(AutomatedChannel channel) => channel.Alarms.Active.SingleOrDefault(a => a.Source == Source);

    [Fact]
    public void A_gap_before_a_fixed_start_raises_a_warning_once_until_the_event_airs()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("news", "#A0A0A0", 2, TimingMode.Fixed, new TimeSpan(6, 0, 4))]));
        channel.RunUntil(20);
        Assert.Null(Filler(channel));

        channel.RunUntil(40);
        long raised = channel.Alarms.RaisedCount;
        channel.RunUntil(90);
        var alarm = Assert.IsType<Alarm>(Filler(channel));
        Assert.Equal((AlarmSeverity.Warning, "filler on air: a gap in the schedule until 06:00:04:00, then news"), (alarm.Severity, alarm.Message));
        Assert.Equal(raised, channel.Alarms.RaisedCount);

        channel.RunUntil(110);
        Assert.Null(Filler(channel));
    }

    [Fact]
    public void Filler_before_a_manual_event_names_the_event_waiting_for_its_take()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("studio", "#A0A0A0", 2, TimingMode.Manual)]));
        channel.RunUntil(60);
        Assert.Equal("filler on air: studio waits for a take", Filler(channel)?.Message);

        Assert.True(channel.Automation.Take().Ok);
        channel.RunUntil(70);
        Assert.Null(Filler(channel));
    }

    [Fact]
    public void The_end_of_the_schedule_is_the_schedule_alarm_not_this_one()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1)]));
        channel.RunUntil(60);

        Assert.Null(Filler(channel));
        Assert.Equal("filler on air: nothing scheduled next", channel.Alarms.Active.Single(a => a.Source == "channel 1/schedule").Message);
    }
}
