namespace Playout.Automation.Schedules;

/// <summary>
/// One stretch of the channel's programme in ticks: a scheduled event (or one pass of a block's child), or
/// filler covering a gap or a hold. <see cref="Start"/> is null while it waits for an operator (manual), and
/// <see cref="End"/> is null while it runs open-ended (held, or waiting before a manual event).
/// </summary>
/// <param name="Key">Stable across re-plans: "date/id" (a block's child: "date/block/child#pass"; filler: the key of the item it stands before + "@filler").</param>
/// <param name="SourceOffset">Where in its file the item starts (a block's looping clip, a joined-in-progress start).</param>
/// <param name="Cut">Set when a later fixed start (or a take) ends the item before its own length.</param>
/// <param name="Fixed">It starts at a fixed time of the schedule (a fixed event, or the first child of a fixed block).</param>
/// <param name="FirstOfDay">Its day's first event, at the day start: its time is pinned as a fixed start's is.</param>
/// <param name="Repeat">A second or later pass of a looping block: it fills time, so getting no air time is not a skip.</param>
public sealed record PlannedItem(
    string Key,
    DateOnly Day,
    PrimaryEvent Event,
    long? Start,
    long? End,
    long Length,
    bool IsFiller,
    TimeSpan SourceOffset = default,
    string? Cut = null,
    bool Repeat = false,
    bool Fixed = false,
    bool FirstOfDay = false);
