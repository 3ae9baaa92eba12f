using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Model-based tests of the automation: a channel runs days of generated schedules with random operator actions and
/// restarts, on a simulated clock, and every invariant is checked after every step (docs/AUTOMATION.md, simulation tests).
/// PLAYOUT_SIM_DAYS sets the days (default 7), PLAYOUT_SIM_SEED replays a seed, PLAYOUT_SIM_SHRINK_SECONDS bounds the
/// time FsCheck spends shrinking a failure (default 120), PLAYOUT_SIM_ACTIONS the kinds of action (e.g. "take,hold,skip", "none").
/// </summary>
public sealed class AutomationSimulationTests(ITestOutputHelper output)
{
    private static int Days => int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_SIM_DAYS"), out int days) && days > 0 ? days : 7;

    private static int? Seed => int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_SIM_SEED"), out int seed) ? seed : null;

    /// <summary>PLAYOUT_SIM_ACTIONS: the kinds of action to make, e.g. "take,hold,skip" or "none" (default: all).</summary>
    private static IReadOnlySet<SimActionKind>? Kinds =>
        Environment.GetEnvironmentVariable("PLAYOUT_SIM_ACTIONS") is { Length: > 0 } list ? KindsOf(list) : null;

    private static HashSet<SimActionKind> KindsOf(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(k => k != "none").Select(k => Enum.Parse<SimActionKind>(k, ignoreCase: true)).ToHashSet();

    private static TimeSpan ShrinkBudget =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_SIM_SHRINK_SECONDS"), out int seconds) ? seconds : 120);

    /// <summary>A new random seed each run (printed, and replayable): the soak, opt-in.</summary>
    [SoakFact("a new random seed on every run")]
    public void Days_of_random_schedules_operator_actions_and_restarts_keep_every_invariant() => Simulate(Seed ?? Random.Shared.Next(), Days, Kinds);

    /// <summary>
    /// Weeks of generated schedules with every kind of action (take, hold, skip, insert, delete, move, restart) on pinned
    /// seeds, so the default run is the same every time; and one week without actions.
    /// </summary>
    [Theory]
    [InlineData(101, null)]
    [InlineData(120, null)]
    [InlineData(130, null)]
    [InlineData(3, "none")]
    public void A_week_of_generated_schedules_and_operator_actions_keeps_every_invariant(int seed, string? actions) =>
        Simulate(seed, 7, actions is null ? null : KindsOf(actions));

    private void Simulate(int seed, int days, IReadOnlySet<SimActionKind>? kinds)
    {
        var generated = ScenarioGenerator.Make(seed, days, kinds);
        output.WriteLine($"simulation: seed {seed}, {days} days (replay: {generated.Replay})");
        var shrinking = new System.Diagnostics.Stopwatch();
        var scenarios = Arb.From(Gen.Constant(generated), failed =>
        {
            shrinking.Start();
            return failed.Shrink().TakeWhile(_ => shrinking.Elapsed < ShrinkBudget);
        });
        Prop.ForAll(scenarios, (SimScenario scenario) =>
        {
            using var run = new SimRun(scenario);
            run.Run();
            output.WriteLine(run.Summary);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1).WithQuietOnSuccess(true));
    }
}
