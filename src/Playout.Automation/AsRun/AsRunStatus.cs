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
}
