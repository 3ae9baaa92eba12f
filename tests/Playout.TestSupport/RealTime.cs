namespace Playout.TestSupport;

/// <summary>
/// The trait of tests that keep real time (a channel on the machine's or a card's clock, a service process): <c>./playout
/// test</c> runs them after every other test, one assembly at a time, so the CPU they measure is not taken by other tests.
/// Use as <c>[Trait(RealTime.Trait, RealTime.Value)]</c>.
/// </summary>
public static class RealTime
{
    public const string Trait = "Category";
    public const string Value = "RealTime";
}
