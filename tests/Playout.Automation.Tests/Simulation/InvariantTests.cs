using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Engine.Alarms;
using Playout.Media.Formats;

namespace Playout.Automation.Tests.Simulation;

/// <summary>The invariants of the simulation catch what they are for, and pass what the rules allow.</summary>
public sealed class InvariantTests
{
    private static readonly DateOnly Day = SimScenario.FirstDay;

    [Fact]
    public void An_item_logged_played_then_skipped_breaks_final_status_naming_both_lines()
    {
        var state = State(Aired("a", 0, 100), Skipped("a"));

        var failure = new FinalStatusNeverChanges().Check(state);

        Assert.NotNull(failure);
        Assert.Equal("2026-03-02/a", failure.Key);
        Assert.Contains("skipped after it was logged played", failure.What);
        Assert.Equal(2, failure.Lines.Count);
    }

    [Fact]
    public void An_item_skipped_twice_breaks_final_status_and_one_skip_does_not()
    {
        Assert.Null(new FinalStatusNeverChanges().Check(State(Skipped("a"), Aired("b", 0, 10))));
        Assert.Contains("logged skipped after it was logged skipped", new FinalStatusNeverChanges().Check(State(Skipped("a"), Skipped("a")))!.What);
    }

    [Fact]
    public void An_item_aired_twice_breaks_nothing_airs_twice_unless_the_first_airing_was_stopped_by_a_restart()
    {
        var first = Aired("a", 0, 100, AsRunStatus.Truncated, "the service stopped");
        var twice = State(first, Aired("b", 100, 50), Aired("a", 150, 20));
        Assert.Contains("aired again", new NothingAirsTwice().Check(twice)!.What);

        var again = Aired("a", 120, 30, AsRunStatus.Truncated, "the service stopped");
        var continued = State(first, again, Aired("a", 160, 40));
        continued.Restarts.Add(new SimRestart(100, [first]));
        continued.Restarts.Add(new SimRestart(150, [again]));
        Assert.Null(new NothingAirsTwice().Check(continued));
    }

    [Theory]
    [InlineData(110, "10 frames unaccounted for")]
    [InlineData(95, "5 frames counted twice")]
    public void Entries_that_do_not_meet_break_as_run_covers_time(long secondStart, string broken)
    {
        Assert.Null(new AsRunCoversTime().Check(State(Aired("a", 0, 100), Skipped("x"), Aired("b", 100, 50))));

        var failure = new AsRunCoversTime().Check(State(Aired("a", 0, 100), Skipped("x"), Aired("b", secondStart, 50)));

        Assert.Contains(broken, failure!.What);
        Assert.Equal("2026-03-02/b", failure.Key);
    }

    [Theory]
    [InlineData(false, 0, true)]
    [InlineData(false, 1, false)]
    [InlineData(true, 1, true)]
    [InlineData(true, 2, false)]
    public void A_restart_start_up_gap_is_allowed_up_to_the_join_delay_and_no_further(bool onItsFrame, long pastAllowance, bool allowed)
    {
        var stopped = Aired("a", 0, 100, AsRunStatus.Truncated, "the service stopped");
        var state = State(stopped);
        // The item under way joins in progress (planned earlier), or, passed over, the next starts on its own frame (up to a
        // join's delay more: what the passed item had left).
        long start = 100 + (onItsFrame ? 2 : 1) * state.JoinAllowance + pastAllowance - (onItsFrame ? 1 : 0);
        state.Add(Aired(onItsFrame ? "b" : "a", start, 80) with { PlannedTick = onItsFrame ? start : 0 });
        state.Restarts.Add(new SimRestart(100, [stopped]));

        var failure = new AsRunCoversTime().Check(state);

        Assert.Equal(allowed, failure is null);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_skip_during_a_restarts_start_up_gap_starts_the_join_again(bool skipped, bool allowed)
    {
        var stopped = Aired("a", 0, 100, AsRunStatus.Truncated, "the service stopped");
        var state = State(stopped);
        // The operator skips the item being joined 20 frames after the restart; the filler after it joins a delay later.
        state.Restarts.Add(new SimRestart(100, [stopped]));
        if (skipped)
            state.Done.Add(new SimDone(120, new SimAction(0, SimActionKind.Skip, 0, false), "2026-03-02/a", true, "done"));
        state.Add(Filler("b", 120 + state.JoinAllowance, 80) with { PlannedTick = 0 });

        Assert.Equal(allowed, new AsRunCoversTime().Check(state) is null);
    }

    [Theory]
    [InlineData(TimingMode.Follow, true)]
    [InlineData(TimingMode.Fixed, false)]
    [InlineData(TimingMode.Manual, false)]
    public void Filler_before_an_event_that_follows_breaks_filler_only_in_gaps(TimingMode timing, bool broken)
    {
        var state = State(Aired("a", 0, 100), Filler("b", 100, 50), Aired("b", 150, 50));
        // Tick 150 is 06:00:06: the filler ends on the fixed event's frame.
        state.Schedule = ChannelSchedule.Empty.With(new DaySchedule(Day, [Event("a"), Event("b") with { Timing = timing, Start = timing == TimingMode.Fixed ? new TimeSpan(6, 0, 6) : null }]));

        var failure = new FillerOnlyInGaps().Check(state);

        Assert.Equal(broken, failure is not null);
        Assert.True(failure is null || failure.Key == "2026-03-02/b@filler");
    }

    [Fact]
    public void Filler_still_on_air_past_a_fixed_event_s_frame_breaks_filler_only_in_gaps()
    {
        var state = State(Aired("a", 0, 100), Filler("b", 100, 75), Aired("b", 175, 50));
        state.Schedule = ChannelSchedule.Empty.With(new DaySchedule(Day, [Event("a"), Event("b") with { Timing = TimingMode.Fixed, Start = new TimeSpan(6, 0, 6) }]));

        Assert.Contains("past 2026-03-02/b's frame", new FillerOnlyInGaps().Check(state)!.What);
    }

    [Theory]
    [InlineData("end@filler", null, true)]
    [InlineData("end@filler", AlarmSeverity.Major, false)]
    [InlineData("2026-03-02/a", AlarmSeverity.Major, true)]
    [InlineData("2026-03-02/a", null, false)]
    public void Filler_after_the_last_event_needs_the_major_schedule_alarm_and_an_event_on_air_must_not_have_it(string onAir, AlarmSeverity? alarm, bool broken)
    {
        var state = State();
        state.Schedule = ChannelSchedule.Empty.With(new DaySchedule(Day, [Event("a")]));
        state.Alarms = new AlarmBoard(NullLogger.Instance);
        if (alarm is { } severity)
            state.Alarms.Raise("channel 1/schedule", severity, "filler on air: nothing scheduled next");
        state.Status = new AutomationStatus("channel 1", 0, "", new EventStatus(onAir, "a", "a", "clip", null, null, null, null), null, null, false, 1, "running", new FrameRateStatus(25, 1),
            new StatusClocks(null, null, null, null), null, true);

        Assert.Equal(broken, new EndOfScheduleAlarmed().Check(state) is not null);
    }

    [Fact]
    public void A_programme_showing_another_colour_than_the_event_on_air_breaks_on_air_matches_programme()
    {
        var state = State();
        state.Schedule = ChannelSchedule.Empty.With(new DaySchedule(Day, [Event("a")]));
        state.SampleOf = colour => colour is null ? (64, 512, 512) : (100, 200, 300);
        state.Status = new AutomationStatus("channel 1", 0, "", new EventStatus("2026-03-02/a", "a", "a", "clip", null, null, null, null), null, null, false, 1, "running", new FrameRateStatus(25, 1),
            new StatusClocks(null, null, null, null), null, true);

        state.Sample = (10, 100, 200, 300);
        Assert.Null(new OnAirMatchesProgramme().Check(state));
        state.Sample = (11, 64, 512, 512);
        Assert.Contains("tick 11 showed black", new OnAirMatchesProgramme().Check(state)!.What);
    }

    private static SimState State(params AsRunEntry[] entries)
    {
        var state = new SimState(new ScheduleTimeBase(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), new Rational(25), TimeZoneInfo.Utc),
            ScheduleSettings.Default, 3);
        foreach (var entry in entries)
            state.Add(entry);
        return state;
    }

    private static AsRunEntry Aired(string id, long tick, long frames, AsRunStatus status = AsRunStatus.Played, string? reason = null) =>
        new("channel 1", Day, $"{Day:yyyy-MM-dd}/{id}", id, id, "clip", null, status, reason, tick, null, null, frames, tick, null, null, frames, "");

    private static AsRunEntry Filler(string before, long tick, long frames) =>
        new("channel 1", Day, $"{Day:yyyy-MM-dd}/{before}@filler", "filler", "filler", "filler", null, AsRunStatus.Filler, null, tick, null, null, frames, tick, null, null, frames, "");

    private static PrimaryEvent Event(string id) => new(id, PrimaryKind.Clip, $"sim/{id}.mxf", Duration: TimeSpan.FromSeconds(4));

    private static AsRunEntry Skipped(string id) =>
        new("channel 1", Day, $"{Day:yyyy-MM-dd}/{id}", id, id, "clip", null, AsRunStatus.Skipped, "no air time left before z", null, null, null, 0, null, null, null, 0, "");
}
