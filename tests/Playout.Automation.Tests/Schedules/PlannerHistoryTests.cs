using System.Collections.Immutable;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Media.Formats;

namespace Playout.Automation.Tests.Schedules;

/// <summary>
/// What has aired keeps its time whatever the running order says after an edit: an item that aired stays where it aired,
/// and a fixed start that an edit put before it in the running order still airs at its time, cutting the item on air.
/// </summary>
public class PlannerHistoryTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    // 25 fps, tick 0 at the 06:00 day start.
    private static readonly ScheduleTimeBase Time = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), new Rational(25), TimeZoneInfo.Utc);
    private static readonly SchedulePlanner Planner = new(ScheduleSettings.Default, Time);

    private static PrimaryEvent Colour(string id, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, "#808080", Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    private static PlanAnchors Aired(params (string Id, long Start, long? End)[] items) => PlanAnchors.None with
    {
        Starts = items.ToImmutableDictionary(i => $"2026-11-24/{i.Id}", i => i.Start),
        Ends = items.Where(i => i.End is not null).ToImmutableDictionary(i => $"2026-11-24/{i.Id}", i => i.End!.Value),
    };

    private static (long? Start, long? End) Span(SchedulePlan plan, string id) =>
        plan.Items.Single(i => i.Event.Id == id && !i.IsFiller) is var item ? (item.Start, item.End) : default;

    [Fact]
    public void A_fixed_event_inserted_before_aired_items_in_the_running_order_still_airs_at_its_time()
    {
        // The operator inserted f (10:00) after a, although b aired after a: b keeps its time, f keeps its own.
        var day = new DaySchedule(Day, [Colour("a", 10), Colour("f", 5, TimingMode.Fixed, new TimeSpan(6, 10, 0)), Colour("b", 10), Colour("c", 10)]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, Aired(("a", 0, 250), ("b", 250, 500)), 100_000);

        Assert.Equal((0L, 250L), Span(plan, "a"));
        Assert.Equal((250L, 500L), Span(plan, "b"));
        Assert.Equal((15_000L, 15_125L), Span(plan, "f"));
        Assert.Equal((15_125L, 15_375L), Span(plan, "c"));
        Assert.Empty(plan.Skipped);
        Assert.Equal(plan.Items.OrderBy(i => i.Start).Select(i => i.Key), plan.Items.Select(i => i.Key));
    }

    [Fact]
    public void A_fixed_event_put_before_the_item_on_air_cuts_it_at_its_time()
    {
        // o has been on air since tick 0 (60 s long); f (06:00:20) was inserted first in the day.
        var day = new DaySchedule(Day, [Colour("f", 5, TimingMode.Fixed, new TimeSpan(6, 0, 20)), Colour("o", 60), Colour("after", 4)]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, Aired(("o", 0, null)), 100_000);

        var onAir = plan.Items.Single(i => i.Event.Id == "o");
        Assert.Equal((0L, 500L, "cut by f"), (onAir.Start!.Value, onAir.End!.Value, onAir.Cut));
        Assert.Equal((500L, 625L), Span(plan, "f"));
        Assert.Equal((625L, 725L), Span(plan, "after"));
    }

    [Fact]
    public void A_fixed_event_put_after_a_later_fixed_loop_in_the_running_order_leaves_the_loop_its_time()
    {
        var loop = new PrimaryEvent("loop", PrimaryKind.Block, Timing: TimingMode.Fixed, Start: new TimeSpan(6, 10, 0), Loop: true,
            Duration: TimeSpan.FromSeconds(30), Children: [Colour("x", 10), Colour("y", 5)]);
        var day = new DaySchedule(Day, [loop, Colour("f", 5, TimingMode.Fixed, new TimeSpan(6, 5, 0)), Colour("g", 4)]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, 100_000);

        Assert.Equal((7_500L, 7_625L), Span(plan, "f"));
        // The loop keeps its fixed start and all its passes; g, after f in the running order, follows the loop, which f's
        // place in the running order left before it.
        Assert.Equal((15_750L, 15_850L), Span(plan, "g"));
        Assert.Equal([15_000L, 15_250L, 15_375L, 15_625L], plan.Items.Where(i => !i.IsFiller && i.Key.Contains("/loop/", StringComparison.Ordinal)).Select(i => i.Start!.Value));
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void A_follow_event_in_the_way_of_a_later_fixed_start_in_the_running_order_gets_no_air_time()
    {
        var day = new DaySchedule(Day, [Colour("a", 20, TimingMode.Fixed, new TimeSpan(6, 0, 0)), Colour("b", 10), Colour("f", 5, TimingMode.Fixed, new TimeSpan(6, 0, 10))]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, 100_000);

        Assert.Equal((0L, 250L), Span(plan, "a"));
        Assert.Equal((250L, 375L), Span(plan, "f"));
        Assert.Equal(("b", "no air time left before f"), (Assert.Single(plan.Skipped).Event.Id, plan.Skipped[0].Reason));
    }

    [Fact]
    public void The_gaps_between_fixed_events_that_keep_their_time_are_filled_again()
    {
        // f (06:05) comes last in the running order: a and c keep their times, and the gap between b and c is filler again.
        var day = new DaySchedule(Day, [Colour("a", 10, TimingMode.Fixed, new TimeSpan(6, 10, 0)), Colour("b", 5), Colour("c", 5, TimingMode.Fixed, new TimeSpan(6, 20, 0)),
            Colour("f", 5, TimingMode.Fixed, new TimeSpan(6, 5, 0))]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, 100_000);

        Assert.Equal(["filler", "f", "filler", "a", "b", "filler", "c", "filler"], plan.Items.Select(i => i.IsFiller ? "filler" : i.Event.Id));
        Assert.All(plan.Items.Zip(plan.Items.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal((15_375L, 30_000L), (plan.Items[5].Start!.Value, plan.Items[5].End!.Value));
    }

    [Fact]
    public void Follow_events_kept_after_a_pinned_one_close_up_behind_it_when_the_one_between_is_dropped()
    {
        // F (06:09:58, 10 s) comes last in the running order: X keeps its fixed time and cuts F; Y overlaps F and is
        // dropped; Z, which followed Y, follows X.
        var day = new DaySchedule(Day, [Colour("X", 5, TimingMode.Fixed, new TimeSpan(6, 10, 0)), Colour("Y", 10), Colour("Z", 5),
            Colour("F", 10, TimingMode.Fixed, new TimeSpan(6, 9, 58))]);
        var plan = Planner.Plan(ChannelSchedule.Empty.With(day), Day, PlanAnchors.None, 100_000);

        Assert.Equal((14_950L, 15_000L), Span(plan, "F"));
        Assert.Equal((15_000L, 15_125L), Span(plan, "X"));
        Assert.Equal((15_125L, 15_250L), Span(plan, "Z"));
        Assert.Equal(("Y", "no air time left before F"), (Assert.Single(plan.Skipped).Event.Id, plan.Skipped[0].Reason));
    }
}
