using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.TestSupport;
using static Playout.Automation.Tests.Runtime.LoopingDay;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The as-run log reconciles: one entry per item with one final status, nothing aired twice (edits, holds and restarts
/// included), operators' actions noted with who and when, and skips of passed-over events logged once with the reason.
/// </summary>
public class AsRunReconcileTests
{
    private static void AssertOneEntryPerItem(IEnumerable<AsRunEntry> entries)
    {
        var keys = entries.Where(e => e.Status != AsRunStatus.Filler).GroupBy(e => e.Key).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Status))}").ToArray();
        Assert.True(keys.Length == 0, $"items with more than one entry: {string.Join("; ", keys)}");
    }

    [Fact]
    public void Deleting_an_aired_event_never_replays_the_item_it_cut_nor_brings_back_its_hold()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Loop(), BarsTest]));
        channel.RunUntil(260);
        Assert.True(channel.Automation.Hold("alice").Ok);
        channel.RunUntil(400);
        Assert.False(channel.Automation.Status().Held);
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Delete(s, Day, "bars-test")).Ok);
        var onAir = new HashSet<string>();
        channel.RunUntil(700, () => onAir.Add(channel.Automation.Status().OnAir!.Key));

        // c was on air (held) when bars-test cut it at tick 275: it stays cut, and the loop goes on where the schedule's
        // timeline has it now: b of the next pass (ticks 350 to 425) would be over before it could join, so c of that pass
        // goes to air on its own frame.
        Assert.DoesNotContain("2026-11-24/demo-loop/c#5906", onAir);
        var resumed = channel.Automation.RecentAsRun.Single(e => e.Key == "2026-11-24/demo-loop/c#5907");
        Assert.Equal((AsRunStatus.Played, 425L, 75L), (resumed.Status, resumed.ActualTick!.Value, resumed.ActualFrames));
        var status = channel.Automation.Status();
        Assert.False(status.Held);
        Assert.NotNull(status.Next);
        AssertOneEntryPerItem(channel.Automation.RecentAsRun);
        var cut = channel.Automation.RecentAsRun.Single(e => e.Key == "2026-11-24/demo-loop/c#5906");
        Assert.Equal((AsRunStatus.Truncated, "cut by bars-test", "held by alice at 20:46:00:10"), (cut.Status, cut.Reason, cut.Actions));
    }

    [Fact]
    public void A_manual_event_passed_by_a_fixed_start_is_logged_skipped_once_and_can_no_longer_be_taken()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day,
            [Colour("opener", "#303030", 9, TimingMode.Fixed, new TimeSpan(20, 45, 50)), Colour("phone-in", "#B0B0B0", 2, TimingMode.Manual), BarsTest,
             Colour("after", "#707070", 2)]));
        channel.RunUntil(400);
        // phone-in waited behind filler from 20:45:59 and bars-test went to air at 20:46:01: its chance has gone.
        var take = channel.Automation.Take("bob");
        channel.RunUntil(600);

        Assert.DoesNotContain(channel.LumaOf("#B0B0B0"), channel.Luma);
        var skipped = Assert.Single(channel.Automation.RecentAsRun, e => e.EventId == "phone-in");
        Assert.Equal((AsRunStatus.Skipped, "not taken before bars-test started"), (skipped.Status, skipped.Reason));
        Assert.False(take.Ok);
        AssertOneEntryPerItem(channel.Automation.RecentAsRun);
    }

    [Fact]
    public void A_hold_cut_by_a_fixed_start_logs_no_skips_for_the_loop_passes_it_held_back()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Loop(), BarsTest]));
        channel.RunUntil(30);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(400);

        var entries = channel.Automation.RecentAsRun;
        Assert.DoesNotContain(entries, e => e.Status == AsRunStatus.Skipped);
        // c went to air at 20:45:51 (tick 25) for 3 s, was held at tick 30 and ran on until bars-test at tick 275.
        var held = entries.Single(e => e.Actions is not null);
        Assert.Equal(("c", AsRunStatus.Played, 25L, 275L - 25L, "held by an operator at 20:45:51:05"),
            (held.EventId, held.Status, held.ActualTick!.Value, held.ActualFrames, held.Actions));
        Assert.Equal(AsRunStatus.Played, entries.Single(e => e.EventId == "bars-test").Status);
        AssertOneEntryPerItem(entries);
    }

    [Fact]
    public void A_restart_continues_the_item_on_air_in_a_linked_entry_and_replays_nothing()
    {
        using var folder = new TempDirectory();
        var day = new DaySchedule(Day, [Colour("one", "#404040", 4, TimingMode.Fixed, new TimeSpan(20, 45, 50)), Colour("two", "#505050", 10),
            Colour("three", "#606060", 4)]);
        using (var journal = new AsRunJournal(folder.Path))
        using (var first = new AutomatedChannel(Epoch, journal: journal))
        {
            first.Load(day);
            // "one" is taken off early: "two" runs from tick 28 (the take's 120 ms margin after the request), ahead of its planned 100.
            first.RunUntil(25);
            Assert.True(first.Automation.Take("carol").Ok);
            first.RunUntil(100);
        }
        // The service stops at 20:45:54 and comes back 2 s later: "two" (until 20:46:01:03) continues, joined in progress.
        using (var journal = new AsRunJournal(folder.Path))
        using (var second = new AutomatedChannel(Epoch.AddSeconds(6), journal: journal))
        {
            second.Load(day);
            second.RunUntil(300);
        }

        using var read = new AsRunJournal(folder.Path);
        var entries = read.Read(Day).Where(e => e.Status != AsRunStatus.Filler).ToArray();
        Assert.Equal(
        [
            ("one", AsRunStatus.Truncated, false), ("two", AsRunStatus.Truncated, false), ("two", AsRunStatus.Played, true), ("three", AsRunStatus.Played, false),
        ], entries.Select(e => (e.EventId, e.Status, e.Continued)).ToArray());
        Assert.Equal("the service stopped", entries[1].Reason);
        Assert.Equal(("taken off air by carol at 20:45:51:00", "taken by carol at 20:45:51:00"), (entries[0].Actions, entries[1].Actions));
        // "two" went to air at 20:45:51:03 in the first run and ends 10 s later in the second: "three" follows on that frame.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 20, 46, 1, 120, TimeSpan.Zero), entries[3].ActualStart);
    }
}
