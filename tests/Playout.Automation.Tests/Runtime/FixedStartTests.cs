using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using static Playout.Automation.Tests.Runtime.LoopingDay;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// A fixed start airs on its frame whatever precedes it (a loop that fills the day, a hold), and a fixed start that has
/// already passed when it becomes known never fires late: it is logged as missed, with an alarm.
/// </summary>
public class FixedStartTests
{
    [Fact]
    public void A_fixed_event_after_a_day_long_loop_airs_on_its_frame_and_is_the_next_fixed_start_before_it()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Loop(), BarsTest]));
        channel.RunUntil(100);
        Assert.Equal("bars-test", channel.Automation.Status().NextFixed?.Id);

        channel.RunUntil(400);
        int bars = channel.LumaOf("#A0A0A0");
        // 20:46:01 is tick 275, a second into a loop item: the loop is cut there, and bars run two seconds.
        Assert.Equal(channel.LumaOf("#606060"), channel.Luma[274]);
        Assert.All(channel.Luma.Skip(275).Take(50), luma => Assert.Equal(bars, luma));
        Assert.NotEqual(bars, channel.Luma[325]);
        var aired = channel.Automation.RecentAsRun.Single(e => e.EventId == "bars-test");
        Assert.Equal((AsRunStatus.Played, 275L, 50L), (aired.Status, aired.ActualTick!.Value, aired.ActualFrames));
        var cut = channel.Automation.RecentAsRun.Single(e => e.Status == AsRunStatus.Truncated);
        Assert.Equal(("c", "cut by bars-test", 25L), (cut.EventId, cut.Reason, cut.ActualFrames));
    }

    [Fact]
    public void A_fixed_event_inserted_after_its_time_never_fires_late_and_a_hold_keeps_the_item_on_air()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Loop()]));
        channel.RunUntil(300);
        // 20:46:01 (tick 275) has passed: the event is missed, not aired now.
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Insert(s, Day, BarsTest, "demo-loop")).Ok);
        channel.RunUntil(320);
        string onAir = channel.Automation.Status().OnAir!.Key;
        var held = channel.Automation.Hold("alice");
        Assert.True(held.Ok, held.Reason);
        channel.RunUntil(1000);

        int bars = channel.LumaOf("#A0A0A0");
        Assert.DoesNotContain(bars, channel.Luma);
        var status = channel.Automation.Status();
        Assert.Equal(onAir, status.OnAir!.Key);
        Assert.True(status.Held);
        var missed = Assert.Single(channel.Automation.RecentAsRun, e => e.EventId == "bars-test");
        Assert.Equal(AsRunStatus.Skipped, missed.Status);
        Assert.Equal("missed: its fixed start 20:46:01:00 had passed when it was scheduled", missed.Reason);
        Assert.Contains("bars-test", channel.Alarms.Active.Single(a => a.Source == "channel 1/missed").Message);
    }
}
