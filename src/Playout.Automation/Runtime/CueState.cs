using Playout.Engine.Commands;
using Playout.Engine.Stage;

namespace Playout.Automation.Runtime;

/// <summary>
/// A command the automation queued for a future tick and may still withdraw (the schedule was edited, an operator
/// took or skipped). The tick thread and the automation race for it once: either the command applies or it is
/// withdrawn, never both, and the loser learns which.
/// </summary>
internal sealed class CueState
{
    private const int Pending = 0, Applied = 1, Withdrawn = 2;
    private int _state;

    /// <summary>A channel command that does <paramref name="apply"/> only if not withdrawn first.</summary>
    public ChannelCommand Command(string description, Action<ChannelStage> apply, long? atTick) =>
        new(description, stage =>
        {
            if (Interlocked.CompareExchange(ref _state, Applied, Pending) == Pending)
                apply(stage);
        }, atTick);

    public bool HasApplied => Volatile.Read(ref _state) == Applied;

    /// <summary>True when withdrawn in time; false when the command has already applied.</summary>
    public bool Withdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Pending) != Applied;
}
