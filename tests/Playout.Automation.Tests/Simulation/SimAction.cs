namespace Playout.Automation.Tests.Simulation;

/// <summary>What a simulated operator or engineer does.</summary>
internal enum SimActionKind
{
    Take,
    Hold,
    Skip,
    Insert,
    Delete,
    Move,
    Restart,
}

/// <summary>
/// One action at <paramref name="Second"/> of the run. <paramref name="Pick"/> chooses its target among what exists when it
/// runs (an event of the day, a place to insert), so an action stays meaningful when shrinking removes others.
/// </summary>
internal sealed record SimAction(long Second, SimActionKind Kind, int Pick, bool Force)
{
    public override string ToString() => $"{Kind}{(Force ? "!" : "")}@{Second}s#{Pick}";
}
