namespace Playout.Automation.Runtime;

/// <summary>
/// The automation's state as an operator sees it; operators' actions are transitions between them
/// (<see cref="OperatorActions"/>, docs/AUTOMATION.md "Operator actions").
/// </summary>
public enum AutomationMode
{
    /// <summary>Nothing has gone to air yet (start-up, or an empty schedule).</summary>
    Idle,

    /// <summary>The plan advances by itself: the next event follows the one on air at its end, or starts at its fixed time.</summary>
    Running,

    /// <summary>The next event waits for a take (a manual event, or events after an open-ended one); only a fixed start advances without one.</summary>
    Waiting,

    /// <summary>The event on air stays past its planned end until a take or a release; only a fixed start cuts it.</summary>
    Held,
}
