using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// Operators' actions as transitions of the automation's mode (docs/AUTOMATION.md "Operator actions"): every action in
/// every mode either moves to the documented mode or is refused with the documented reason.
/// </summary>
public class OperatorStateMachineTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    // Tick 0 is the 06:00 day start.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, string colour, double? seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: seconds is double s ? TimeSpan.FromSeconds(s) : null);

    private static AutomationStatus Status(AutomatedChannel channel) => channel.Automation.Status();

    [Fact]
    public void Idle_before_anything_airs_refuses_hold_and_release()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 4, TimingMode.Fixed, new TimeSpan(6, 0, 10))]));

        Assert.Equal("idle", Status(channel).Mode);
        Assert.Equal("nothing is on air to hold", channel.Automation.Hold().Reason);
        Assert.Equal("nothing is held", channel.Automation.Release().Reason);
    }

    [Fact]
    public void Running_hold_then_a_second_hold_is_refused_and_a_release_after_the_planned_end_cuts_to_the_next_now()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2)]));
        channel.RunUntil(10);
        Assert.Equal("running", Status(channel).Mode);

        Assert.True(channel.Automation.Hold("ann").Ok);
        channel.RunUntil(11);
        Assert.Equal(("held", true), (Status(channel).Mode, Status(channel).Held));
        Assert.Equal("a is already held", channel.Automation.Hold().Reason);
        channel.RunUntil(150);
        Assert.Equal("a", Status(channel).OnAir!.Id);

        Assert.True(channel.Automation.Release("ann").Ok);
        channel.RunUntil(160);
        Assert.Equal(("b", "running"), (Status(channel).OnAir!.Id, Status(channel).Mode));
        var a = channel.Automation.RecentAsRun.Single(e => e.EventId == "a");
        Assert.Equal((AsRunStatus.Played, "held by ann at 06:00:00:10; released by ann at 06:00:06:00"), (a.Status, a.Actions));
        // Released at tick 150, past its planned end (tick 50): b goes to air the take's 3-frame margin later.
        Assert.Equal(153L, a.ActualTick + a.ActualFrames);
    }

    [Fact]
    public void A_release_before_the_planned_end_lets_the_event_end_on_its_own_frame()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 4), Colour("b", "#505050", 2)]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(20);
        Assert.True(channel.Automation.Release().Ok);
        channel.RunUntil(150);

        var a = channel.Automation.RecentAsRun.Single(e => e.EventId == "a");
        Assert.Equal(100L, a.ActualTick + a.ActualFrames);
        Assert.Equal(channel.LumaOf("#505050"), channel.Luma[100]);
    }

    [Fact]
    public void Held_a_take_cuts_to_the_next_event_and_ends_the_hold()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2)]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(100);
        Assert.True(channel.Automation.Take("tom").Ok);
        channel.RunUntil(110);

        Assert.Equal(("b", "running", false), (Status(channel).OnAir!.Id, Status(channel).Mode, Status(channel).Held));
        Assert.Equal("held by an operator at 06:00:00:10; taken off air by tom at 06:00:04:00",
            channel.Automation.RecentAsRun.Single(e => e.EventId == "a").Actions);
    }

    [Fact]
    public void Held_a_fixed_start_cuts_the_held_event_at_its_time()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2), Colour("news", "#A0A0A0", 2, TimingMode.Fixed, new TimeSpan(6, 0, 8))]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(250);

        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[199]);
        Assert.Equal(channel.LumaOf("#A0A0A0"), channel.Luma[200]);
        Assert.Equal(("news", "running"), (Status(channel).OnAir!.Id, Status(channel).Mode));
        // b waited for a take behind the hold and never got one.
        Assert.Equal("not taken before news started", channel.Automation.RecentAsRun.Single(e => e.EventId == "b").Reason);
    }

    [Fact]
    public void Waiting_for_a_take_refuses_a_hold_on_filler_and_a_skip_moves_on()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("studio", "#A0A0A0", 2, TimingMode.Manual), Colour("b", "#505050", 2)]));
        channel.RunUntil(40);
        Assert.Equal(("filler", "waiting", "studio"), (Status(channel).OnAir!.Kind, Status(channel).Mode, Status(channel).Next!.Id));
        Assert.Equal("filler is on air: there is no event to hold", channel.Automation.Hold().Reason);

        Assert.True(channel.Automation.Skip("sam").Ok);
        channel.RunUntil(70);
        // Skipping the manual event: b, which followed it, follows a (ticks 25 to 75 now): the schedule's timeline wins, and
        // b joins in progress once its source has had a second to open (120 ms + 1 s after the skip), until its planned end.
        Assert.Equal(("b", "running"), (Status(channel).OnAir!.Id, Status(channel).Mode));
        int b = channel.LumaOf("#505050");
        Assert.Equal(68, channel.Luma.ToList().IndexOf(b));
        channel.RunUntil(80);
        Assert.Equal(75, channel.Luma.ToList().LastIndexOf(b) + 1);
        Assert.Equal("skipped by sam at 06:00:01:15", channel.Automation.RecentAsRun.Single(e => e.EventId == "studio").Actions);
    }

    [Fact]
    public void An_event_whose_whole_time_a_skip_put_in_the_past_is_logged_skipped_and_the_next_joins_in_progress()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day,
            [Colour("a", "#404040", 1), Colour("studio", "#A0A0A0", 2, TimingMode.Manual), Colour("b", "#505050", 1), Colour("c", "#606060", 4)]));
        channel.RunUntil(100);
        Assert.True(channel.Automation.Skip().Ok);
        channel.RunUntil(200);

        // Without studio, b has ticks 25 to 50 and c 50 to 150: b never airs, c joins at 100 + 3 + 25.
        var b = channel.Automation.RecentAsRun.Single(e => e.EventId == "b");
        Assert.Equal((AsRunStatus.Skipped, "its time (06:00:01:00 to 06:00:02:00) passed before it could go to air"), (b.Status, b.Reason));
        Assert.Equal(128, channel.Luma.ToList().IndexOf(channel.LumaOf("#606060")));
        Assert.Equal(AsRunStatus.Played, channel.Automation.RecentAsRun.Single(e => e.EventId == "c").Status);
    }

    [Fact]
    public void An_open_ended_event_waits_for_a_take_and_can_be_held_and_an_edit_during_a_hold_keeps_it()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("live", "#404040", null), Colour("b", "#505050", 2)]));
        channel.RunUntil(20);
        Assert.Equal(("live", "waiting"), (Status(channel).OnAir!.Id, Status(channel).Mode));
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(21);
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Insert(s, Day, Colour("promo", "#606060", 1), "live")).Ok);
        channel.RunUntil(60);

        Assert.Equal(("live", "held", "promo"), (Status(channel).OnAir!.Id, Status(channel).Mode, Status(channel).Next!.Id));
        Assert.True(channel.Automation.Take().Ok);
        channel.RunUntil(70);
        Assert.Equal(("promo", "running"), (Status(channel).OnAir!.Id, Status(channel).Mode));
    }
}
