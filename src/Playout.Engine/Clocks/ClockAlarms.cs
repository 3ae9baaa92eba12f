namespace Playout.Engine.Clocks;

/// <summary>The alarm sources of a channel's time: its reference (genlock), its discipline to UTC, and the frames it slipped.</summary>
public static class ClockAlarms
{
    /// <summary>How long a time alarm stays listed after its condition went: a slip or a step is over in a moment, but must be seen.</summary>
    public static readonly TimeSpan Latch = TimeSpan.FromMinutes(15);

    public static string Reference(string channel) => $"{channel}/clock";

    public static string Utc(string channel) => $"{channel}/utc";

    public static string Slips(string channel) => $"{channel}/slips";
}
