using System.Collections.Immutable;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Media.Formats;

namespace Playout.Automation.Tests.Schedules;

public class PlannerTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    // 25 fps, tick 0 ten seconds before the 06:00 day start: the day starts on tick 250.
    private static readonly ScheduleTimeBase Time = new(new DateTimeOffset(2026, 11, 24, 5, 59, 50, TimeSpan.Zero), new Rational(25), TimeZoneInfo.Utc);
    private static readonly SchedulePlanner Planner = new(ScheduleSettings.Default, Time);

    private static PrimaryEvent Colour(string id, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, "#808080", Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    private static SchedulePlan Plan(params DaySchedule[] days) =>
        Planner.Plan(ChannelSchedule.Empty.With(days), Day, PlanAnchors.None, long.MaxValue / 2);

    private static PlannedItem Item(SchedulePlan plan, string id) => plan.Items.Single(i => i.Event.Id == id && !i.IsFiller);

    [Fact]
    public void A_days_first_event_starts_at_the_day_start_and_follow_events_run_back_to_back()
    {
        var plan = Plan(new DaySchedule(Day, [Colour("a", 10), Colour("b", 4), Colour("c", 2.2)]));
        Assert.Equal((250L, 500L), (Item(plan, "a").Start!.Value, Item(plan, "a").End!.Value));
        Assert.Equal((500L, 600L), (Item(plan, "b").Start!.Value, Item(plan, "b").End!.Value));
        Assert.Equal((600L, 655L), (Item(plan, "c").Start!.Value, Item(plan, "c").End!.Value));
        Assert.True(plan.Items[^1].IsFiller && plan.Items[^1].Start == 655 && plan.Items[^1].End is null);
    }

    [Fact]
    public void A_fixed_event_starts_on_the_frame_of_its_time_and_a_gap_before_it_is_filled()
    {
        var plan = Plan(new DaySchedule(Day, [Colour("a", 10), Colour("b", 5, TimingMode.Fixed, new TimeSpan(0, 6, 0, 30, 120))]));
        // 06:00:30.120 is 30.12 s after the day start: frame 753 of the day (tick 250 + 753).
        Assert.Equal(1003, Item(plan, "b").Start);
        var gap = Assert.Single(plan.Items, i => i.IsFiller && i.End is not null);
        Assert.Equal((500L, 1003L), (gap.Start!.Value, gap.End!.Value));
    }

    [Fact]
    public void An_overrun_is_cut_on_the_fixed_frame_and_events_left_without_time_are_skipped()
    {
        var plan = Plan(new DaySchedule(Day,
        [
            Colour("long", 60), Colour("squeezed", 5), Colour("news", 10, TimingMode.Fixed, TimeSpan.FromHours(6.01)), Colour("after", 3),
        ]));
        var cut = Item(plan, "long");
        Assert.Equal((250L, 250L + 900), (cut.Start!.Value, cut.End!.Value));
        Assert.Equal("cut by news", cut.Cut);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("squeezed", skipped.Event.Id);
        Assert.Contains("news", skipped.Reason);
        Assert.Equal(1150, Item(plan, "news").Start);
        Assert.Equal(1400, Item(plan, "after").Start);
        Assert.DoesNotContain(plan.Items, i => i.IsFiller && i.End is not null);
    }

    [Fact]
    public void Days_roll_over_on_the_next_days_start_without_a_gap_cutting_an_overrun_and_filling_an_underrun()
    {
        var next = Day.AddDays(1);
        long nextStart = 250 + 24 * 3600 * 25;
        // Exactly full: 24 h of one event; the next day starts on the following frame with no filler between.
        var exact = Plan(new DaySchedule(Day, [Colour("all-day", 24 * 3600)]), new DaySchedule(next, [Colour("morning", 10)]));
        Assert.Equal(nextStart, Item(exact, "all-day").End);
        Assert.Equal(nextStart, Item(exact, "morning").Start);
        Assert.DoesNotContain(exact.Items, i => i.IsFiller && i.End is not null);

        var over = Plan(new DaySchedule(Day, [Colour("too-long", 24 * 3600 + 5)]), new DaySchedule(next, [Colour("morning", 10)]));
        Assert.Equal(nextStart, Item(over, "too-long").End);
        Assert.Equal(nextStart, Item(over, "morning").Start);

        var under = Plan(new DaySchedule(Day, [Colour("short", 24 * 3600 - 2)]), new DaySchedule(next, [Colour("morning", 10)]));
        var gap = Assert.Single(under.Items, i => i.IsFiller && i.End is not null);
        Assert.Equal((nextStart - 50, nextStart), (gap.Start!.Value, gap.End!.Value));
    }

    [Fact]
    public void A_manual_event_waits_untimed_behind_open_filler_until_anchored_by_a_take()
    {
        var day = new DaySchedule(Day, [Colour("a", 2), Colour("live", 20, TimingMode.Manual), Colour("b", 3)]);
        var waiting = Plan(day);
        Assert.Null(Item(waiting, "live").Start);
        Assert.Null(Item(waiting, "b").Start);
        var hold = Assert.Single(waiting.Items, i => i.IsFiller);
        Assert.Equal((300L, (long?)null), (hold.Start!.Value, hold.End));

        var taken = Planner.Plan(ChannelSchedule.Empty.With(day), Day,
            PlanAnchors.None with { Starts = ImmutableDictionary<string, long>.Empty.Add("2026-11-24/live", 400) }, long.MaxValue / 2);
        Assert.Equal((400L, 900L), (Item(taken, "live").Start!.Value, Item(taken, "live").End!.Value));
        Assert.Equal(900, Item(taken, "b").Start);
        Assert.Contains(taken.Items, i => i.IsFiller && i.Start == 300 && i.End == 400);
    }

    [Fact]
    public void A_manual_event_waits_before_a_later_fixed_start_which_ends_its_filler()
    {
        var plan = Plan(new DaySchedule(Day, [Colour("a", 2), Colour("live", 20, TimingMode.Manual), Colour("news", 5, TimingMode.Fixed, TimeSpan.FromHours(6.005))]));
        // Still takeable until news airs (the runtime logs it as skipped then).
        Assert.Null(Item(plan, "live").Start);
        Assert.Empty(plan.Skipped);
        Assert.Contains(plan.Items, i => i.IsFiller && i.Start == 300 && i.End == 250 + 450);
        Assert.Equal(700, Item(plan, "news").Start);
    }

    [Fact]
    public void A_held_event_runs_open_until_the_next_fixed_start()
    {
        var day = new DaySchedule(Day, [Colour("a", 2), Colour("b", 3), Colour("news", 5, TimingMode.Fixed, TimeSpan.FromHours(6.01))]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None with { Held = "2026-11-24/a" }, long.MaxValue / 2);
        Assert.Equal(1150, Item(plan, "a").End);
        Assert.Null(Item(plan, "b").Start);
    }

    [Fact]
    public void A_looping_block_repeats_its_children_until_its_duration_and_cuts_the_last_pass()
    {
        var block = new PrimaryEvent("promo-loop", PrimaryKind.Block, Duration: TimeSpan.FromSeconds(10), Loop: true,
            Children: [Colour("x", 3), Colour("y", 1)]);
        var plan = Plan(new DaySchedule(Day, [block, Colour("after", 1)]));
        var keys = plan.Items.Where(i => !i.IsFiller).Select(i => (i.Key, i.Start, i.End)).ToArray();
        Assert.Equal(
        [
            ("2026-11-24/promo-loop/x#0", 250L, 325L), ("2026-11-24/promo-loop/y#0", 325L, 350L),
            ("2026-11-24/promo-loop/x#1", 350L, 425L), ("2026-11-24/promo-loop/y#1", 425L, 450L),
            ("2026-11-24/promo-loop/x#2", 450L, 500L), ("2026-11-24/after", 500L, 525L),
        ], keys.Select(k => (k.Key, k.Start!.Value, k.End!.Value)).ToArray());
    }

    [Fact]
    public void A_clip_without_duration_takes_its_length_from_the_media_catalogue_or_is_skipped_with_the_reason()
    {
        var planner = new SchedulePlanner(ScheduleSettings.Default, Time, e => e.Source == "known.mxf" ? new MediaTimes(TimeSpan.FromSeconds(8)) : null);
        var day = new DaySchedule(Day,
        [
            new PrimaryEvent("k", PrimaryKind.Clip, "known.mxf", In: TimeSpan.FromSeconds(2)),
            new PrimaryEvent("u", PrimaryKind.Clip, "unknown.mxf"),
        ]);
        var plan = planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, long.MaxValue / 2);
        Assert.Equal(150, Item(plan, "k").Length);
        Assert.Contains("unknown.mxf", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void A_catalogued_song_runs_from_its_cue_in_to_its_segue_and_an_in_point_or_a_segue_before_it_is_respected_or_named()
    {
        var song = new MediaTimes(TimeSpan.FromSeconds(8), new Engine.Library.MediaMarkers(CueIn: TimeSpan.FromSeconds(1), Segue: TimeSpan.FromSeconds(7),
            CueOut: TimeSpan.FromSeconds(7.8)));
        var tail = new MediaTimes(TimeSpan.FromSeconds(8), new Engine.Library.MediaMarkers(CueOut: TimeSpan.FromSeconds(6)));
        var planner = new SchedulePlanner(ScheduleSettings.Default, Time, e => e.Source switch { "song.mp3" => song, "tail.mp3" => tail, _ => null });
        var day = new DaySchedule(Day,
        [
            new PrimaryEvent("song", PrimaryKind.Clip, "song.mp3"),
            new PrimaryEvent("from-2", PrimaryKind.Clip, "song.mp3", In: TimeSpan.FromSeconds(2)),
            new PrimaryEvent("to-cue-out", PrimaryKind.Clip, "tail.mp3"),
            new PrimaryEvent("past-segue", PrimaryKind.Clip, "song.mp3", In: TimeSpan.FromSeconds(7.5)),
            new PrimaryEvent("timed", PrimaryKind.Clip, "song.mp3", Duration: TimeSpan.FromSeconds(3)),
        ]);
        var plan = planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, long.MaxValue / 2);

        Assert.Equal((150L, TimeSpan.FromSeconds(1)), (Item(plan, "song").Length, Item(plan, "song").SourceOffset));
        Assert.Equal((125L, TimeSpan.FromSeconds(2)), (Item(plan, "from-2").Length, Item(plan, "from-2").SourceOffset));
        Assert.Equal((150L, TimeSpan.Zero), (Item(plan, "to-cue-out").Length, Item(plan, "to-cue-out").SourceOffset));
        Assert.Equal((75L, TimeSpan.FromSeconds(1)), (Item(plan, "timed").Length, Item(plan, "timed").SourceOffset));
        Assert.Contains("ends on air at 00:00:07 (its segue, cue-out or end), not after where it starts (00:00:07.5000000)", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void A_fixed_time_before_the_day_start_falls_on_the_next_calendar_morning()
    {
        var plan = Plan(new DaySchedule(Day, [Colour("late-movie", 10, TimingMode.Fixed, TimeSpan.FromHours(1))]));
        Assert.Equal(250 + 19L * 3600 * 25, Item(plan, "late-movie").Start);
    }

    [Fact]
    public void Days_without_a_schedule_of_their_own_play_the_template_and_a_day_with_one_overrides_it()
    {
        var schedule = ChannelSchedule.Empty.WithTemplate([Colour("template-a", 12 * 3600), Colour("template-b", 12 * 3600)])
            .With(new DaySchedule(Day.AddDays(1), [Colour("special", 24 * 3600)]));
        var plan = Planner.Plan(schedule, Day, PlanAnchors.None, 250 + 3L * 24 * 3600 * 25);
        Assert.Equal(
            ["2026-11-24/template-a", "2026-11-24/template-b", "2026-11-25/special", "2026-11-26/template-a", "2026-11-26/template-b"],
            plan.Items.Where(i => !i.IsFiller).Select(i => i.Key).Take(5).ToArray());
        Assert.Equal(250 + 2L * 24 * 3600 * 25, plan.Items.Single(i => i.Key == "2026-11-26/template-a").Start);
    }

    [Fact]
    public void A_template_whose_events_cannot_be_laid_out_plans_only_up_to_the_horizon()
    {
        var schedule = ChannelSchedule.Empty.WithTemplate([new PrimaryEvent("unknown", PrimaryKind.Clip, "not-catalogued.mxf")]);
        var plan = Planner.Plan(schedule, Day, PlanAnchors.None, 250 + 2L * 24 * 3600 * 25);
        Assert.Equal(2, plan.Skipped.Count);
        Assert.All(plan.Items, i => Assert.True(i.IsFiller));
    }

    [Fact]
    public void A_looping_block_skips_a_child_of_unknown_length_and_goes_on_with_the_others()
    {
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Duration: TimeSpan.FromSeconds(5), Loop: true,
            Children: [Colour("x", 1), new PrimaryEvent("lost", PrimaryKind.Clip, "lost.mxf")]);
        var plan = Plan(new DaySchedule(Day, [block]));
        Assert.Equal(5, plan.Items.Count(i => !i.IsFiller));
        Assert.Equal(250 + 125, plan.Items.Where(i => !i.IsFiller).Max(i => i.End));
        Assert.All(plan.Skipped, s => Assert.Equal("lost", s.Event.Id));
    }

    [Fact]
    public void Duplicate_ids_in_a_block_and_empty_entries_are_validation_errors()
    {
        var block = new PrimaryEvent("b", PrimaryKind.Block, Children: [Colour("x", 1), Colour("x", 1)], Secondaries: [null!]);
        var problems = ScheduleValidator.Validate(ChannelSchedule.Empty.With(new DaySchedule(Day, [block])), null);
        Assert.Contains("2026-11-24, event b, event x: id: used twice in the block", problems);
        Assert.Contains("2026-11-24, event b, secondary 1: empty (null)", problems);
    }
}
