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
    /// Not an item: an operator's action on the channel (emergency, graphics, insert, jump), with who and when in its reason;
    /// or a command from an AMCP client (who <c>amcp:127.0.0.1:50112</c>, docs/AMCP.md) at the tick it took effect.
    /// </summary>
    Operator,
}

public static class AsRunStatuses
{
    /// <summary>Whether an entry with this status is an item of the running order (not an alarm's, a probe's or an operator's note).</summary>
    public static bool IsItem(this AsRunStatus status) => status is not (AsRunStatus.Alarm or AsRunStatus.Probe or AsRunStatus.Operator);
}
