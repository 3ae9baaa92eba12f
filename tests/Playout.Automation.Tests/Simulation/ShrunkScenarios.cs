using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Failures the simulation found (issue 11), shrunk by FsCheck to a few events and actions and fixed since: each runs clean.
/// </summary>
public sealed class ShrunkScenarios
{
    private static readonly DateOnly Day = SimScenario.FirstDay;

    /// <summary>Nothing airs twice: a restart forgets the take (the anchors are not rebuilt), and the event it cut joins again.</summary>
    [Fact]
    public void A_restart_after_a_take_does_not_replay_the_event_the_take_cut() => Run(1,
        [On(Day, Fixed(Clip("d0e91", 448), 28, 24, 3), Clip("d0e105", 1269))],
        [new(80997, SimActionKind.Take, 470, false), new(80999, SimActionKind.Restart, 754, false)]);

    /// <summary>As-run covers time: after a restart on a day with no schedule, nothing (not even filler) airs or is logged until the next day's first event.</summary>
    [Fact]
    public void A_restart_on_a_day_without_a_schedule_puts_filler_on_air_until_the_next_day() => Run(3,
        [On(Day, Fixed(Colour("d0e45", 3471), 29, 9, 43)), On(Day.AddDays(2), Loop("d2e57", 25680, new PrimaryEvent("d2e57c0", PrimaryKind.Still, "sim/c.png", Duration: TimeSpan.FromSeconds(17))))],
        [new(159746, SimActionKind.Restart, 260, false)]);

    /// <summary>Every fixed event airs at its frame (issue 11, item 1): one that falls within a looping block airs late, and the pass it should have cut is logged truncated, then skipped.</summary>
    [Fact]
    public void A_fixed_event_within_a_looping_block_cuts_it_on_its_frame() => Run(1,
        [On(Day, Fixed(Loop("d0e81", 16744, Clip("d0e81c0", 40), Clip("d0e81c1", 39)), 19, 49, 31), Fixed(Clip("d0e82", 712), 21, 41, 9))],
        []);

    /// <summary>A day's first event at its day start: a looping block still running then is not cut, and its pass is logged truncated, then skipped.</summary>
    [Fact]
    public void A_looping_block_running_into_the_next_day_is_cut_at_its_day_start() => Run(3,
        [On(Day.AddDays(1), Fixed(Colour("d1e54", 993), 22, 48, 51), new PrimaryEvent("d1e55", PrimaryKind.Live, "udp://239.1.1.1:5000", Duration: TimeSpan.FromSeconds(3382)),
            Loop("d1e56", 30917, Colour("d1e56c0", 48), Colour("d1e56c1", 7), Clip("d1e56c2", 44))),
         On(Day.AddDays(2), new PrimaryEvent("d2e84", PrimaryKind.Still, "sim/d.png", Duration: TimeSpan.FromSeconds(762)))],
        []);

    /// <summary>No entry changes status: moving an event that has aired (here: first in its day) logs it skipped afterwards.</summary>
    [Fact]
    public void Moving_an_event_that_has_aired_does_not_log_it_skipped() => Run(1,
        [On(Day, Fixed(Colour("d0e89", 1461), 28, 8, 59), new PrimaryEvent("d0e90", PrimaryKind.Still, $"{SimSources.Missing}0-91.png", Duration: TimeSpan.FromSeconds(170)),
            Fixed(Colour("d0e95", 768), 29, 42, 53))],
        [new(82359, SimActionKind.Move, 406, false)]);

    /// <summary>Every fixed event airs: one inserted while the end-of-schedule filler is on air never airs, and nothing is logged.</summary>
    [Fact]
    public void A_fixed_event_inserted_while_the_end_filler_is_on_air_airs_at_its_frame() => Run(1,
        [On(Day, Loop("d0e33", 3092, Clip("d0e33c0", 12), Clip("d0e33c1", 22), new PrimaryEvent("d0e33c2", PrimaryKind.Still, "sim/e.png", Duration: TimeSpan.FromSeconds(21))))],
        [new(78705, SimActionKind.Insert, 400, false)]);

    /// <summary>
    /// Every fixed event airs or is logged: one the operator skipped while the event before it is held is never logged, since a
    /// skip is written only when the item after it airs, and nothing airs after a held event with no fixed start left.
    /// </summary>
    [Fact]
    public void An_operator_skip_of_a_fixed_event_is_logged_while_a_held_event_stays_on_air() => Run(1,
        [On(Day, Colour("d6e96", 510) with { Timing = TimingMode.Manual }, Fixed(Clip("d6e97", 1510), 29, 2, 23))],
        [new(81280, SimActionKind.Take, 845, false), new(81293, SimActionKind.Hold, 241, false), new(82239, SimActionKind.Skip, 54, false)]);

    private static void Run(int days, IReadOnlyList<DaySchedule> schedule, IReadOnlyList<SimAction> actions)
    {
        using var run = new SimRun(new SimScenario(0, days, schedule, actions, "PLAYOUT_SIM_RUN=1, this test"));
        run.Run();
    }

    private static DaySchedule On(DateOnly date, params PrimaryEvent[] events) => new(date, events);

    private static PrimaryEvent Clip(string id, int seconds) => new(id, PrimaryKind.Clip, $"sim/{id}.mxf", Duration: TimeSpan.FromSeconds(seconds));

    private static PrimaryEvent Colour(string id, int seconds) => new(id, PrimaryKind.Filler, SimColours.Of(id), Duration: TimeSpan.FromSeconds(seconds));

    private static PrimaryEvent Fixed(PrimaryEvent e, int hours, int minutes, int seconds) =>
        e with { Timing = TimingMode.Fixed, Start = new TimeSpan(hours, minutes, seconds) };

    private static PrimaryEvent Loop(string id, int seconds, params PrimaryEvent[] children) =>
        new(id, PrimaryKind.Block, Duration: TimeSpan.FromSeconds(seconds), Loop: true, Children: children);
}
