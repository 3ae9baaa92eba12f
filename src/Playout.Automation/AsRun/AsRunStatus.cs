namespace Playout.Automation.AsRun;

/// <summary>How an event went to air.</summary>
public enum AsRunStatus
{
    /// <summary>Ran its planned length.</summary>
    Played,

    /// <summary>Went to air but was cut short (a fixed start, an operator's take or skip).</summary>
    Truncated,

    /// <summary>Never went to air (no time left before a fixed start, skipped by an operator, unknown length).</summary>
    Skipped,

    /// <summary>Went to air but its source failed (missing file, decode error); the filler covered it.</summary>
    Failed,

    /// <summary>Filler covering a gap or a hold.</summary>
    Filler,

    /// <summary>Not an item: an alarm of the channel was raised, cleared or acknowledged (its id is the entry's event id).</summary>
    Alarm,

    /// <summary>
    /// Not an item: a probe saw black, freeze or silence on the programme, from its actual start for its actual length, during
    /// the item named; or (kind loudness) an item's loudness as it aired.
    /// </summary>
    Probe,

    /// <summary>
    /// Not an item: a command from outside the running order changed the channel at its tick (an AMCP client on a layer
    /// of its own); the entry's event id is who (<c>amcp:127.0.0.1:50112</c>), its reason what was done.
    /// </summary>
    Operator,
}

public static class AsRunStatuses
{
    /// <summary>Whether an entry with this status is an item of the running order (not an alarm's or a probe's note).</summary>
    public static bool IsItem(this AsRunStatus status) => status is not (AsRunStatus.Alarm or AsRunStatus.Probe or AsRunStatus.Operator);
}
