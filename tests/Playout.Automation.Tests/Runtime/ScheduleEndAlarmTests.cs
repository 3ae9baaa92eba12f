using Playout.Automation.Schedules;
using Playout.Engine.Alarms;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Black on air is an alarm: the schedule running out is warned of ahead, and filler on air with nothing next is major.</summary>
public class ScheduleEndAlarmTests
{
    private const string Source = "channel 1/schedule";
    private static readonly DateOnly Day = new(2026, 11, 24);

    // Tick 0 is the 06:00 day start.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    private static AutomatedChannel Channel(string format = "576i50", TimeSpan? window = null) =>
        new(Epoch, format, ScheduleSettings.Default with { Lookahead = TimeSpan.FromSeconds(2), EndWarning = window });

    private static Alarm? Schedule(AutomatedChannel channel) => channel.Alarms.Active.SingleOrDefault(a => a.Source == Source);

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    [InlineData("1080i59.94")]
    [InlineData("1080p29.97")]
    public void A_schedule_ending_within_the_window_raises_a_warning_with_the_minutes_left(string format)
    {
        using var channel = Channel(format);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 240), Colour("b", "#606060", 360)]));
        channel.RunUntil(5);

        var alarm = Assert.IsType<Alarm>(Schedule(channel));
        Assert.Equal((AlarmSeverity.Warning, "end of schedule in 10 min"), (alarm.Severity, alarm.Message));
    }

    [Fact]
    public void The_warning_counts_down_in_whole_minutes_as_one_alarm()
    {
        using var channel = Channel();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 90)]));
        long raised = channel.Alarms.RaisedCount;
        long id = Schedule(channel)!.Id;
        Assert.Equal("end of schedule in 2 min", Schedule(channel)?.Message);

        // 30 s in, a minute is left: the same alarm tells it (one id, acknowledged once), not a new one per minute or step.
        channel.RunUntil(channel.Time.Frames(TimeSpan.FromSeconds(31)));
        Assert.Equal(("end of schedule in 1 min", id), (Schedule(channel)?.Message, Schedule(channel)?.Id));
        Assert.Equal(raised, channel.Alarms.RaisedCount);
    }

    [Fact]
    public void A_schedule_ending_beyond_the_window_raises_nothing()
    {
        using var channel = Channel(window: TimeSpan.FromMinutes(5));
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 600)]));
        channel.RunUntil(5);
        Assert.Null(Schedule(channel));

        using var shorter = Channel(window: TimeSpan.FromMinutes(5));
        shorter.Load(new DaySchedule(Day, [Colour("a", "#404040", 240)]));
        Assert.Equal("end of schedule in 4 min", Schedule(shorter)?.Message);
    }

    [Fact]
    public void A_gap_before_a_later_day_is_not_an_end()
    {
        using var channel = Channel();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 600)]), new DaySchedule(Day.AddDays(1), [Colour("b", "#606060", 600)]));
        channel.RunUntil(5);
        Assert.Null(Schedule(channel));
    }

    [Fact]
    public void Running_past_the_end_raises_a_major_alarm_and_an_inserted_event_clears_it()
    {
        using var channel = Channel();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2)]));
        Assert.Equal(AlarmSeverity.Warning, Schedule(channel)?.Severity);

        channel.RunUntil(75);
        Assert.Equal(("end@filler", (string?)null), (channel.Automation.Status().OnAir!.Key, channel.Automation.Status().Next?.Id));
        Assert.Equal(channel.LumaOf("black"), channel.Luma[^1]);
        var alarm = Assert.IsType<Alarm>(Schedule(channel));
        Assert.Equal((AlarmSeverity.Major, "filler on air: nothing scheduled next"), (alarm.Severity, alarm.Message));

        // An hour of programme from 06:00:05: the gap is filled up to it, and the end is beyond the window.
        Assert.True(channel.Automation.Apply(s => s.With(new DaySchedule(Day,
            [Colour("a", "#404040", 2), Colour("news", "#707070", 3600, TimingMode.Fixed, new TimeSpan(6, 0, 5))]))).Ok);
        channel.RunUntil(80);
        Assert.Null(Schedule(channel));
        channel.RunUntil(130);
        Assert.Equal("news", channel.Automation.Status().OnAir!.Id);
        Assert.Null(Schedule(channel));
    }

    [Fact]
    public void An_event_inserted_after_the_last_clears_the_warning()
    {
        using var channel = Channel();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 600)]));
        Assert.Equal(AlarmSeverity.Warning, Schedule(channel)?.Severity);

        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 600), Colour("b", "#606060", 3600)]));
        Assert.Null(Schedule(channel));
    }

    [Fact]
    public void An_empty_schedule_is_black_on_air_and_a_major_alarm()
    {
        using var channel = Channel();
        channel.RunUntil(5);
        Assert.Equal(AlarmSeverity.Major, Schedule(channel)?.Severity);

        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 3600)]));
        Assert.Null(Schedule(channel));
    }

    [Fact]
    public void Disposing_the_automation_clears_its_alarm()
    {
        var channel = Channel();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 60)]));
        Assert.NotNull(Schedule(channel));
        channel.Dispose();
        Assert.Null(Schedule(channel));
    }
}
