namespace Playout.Automation.Runtime;

/// <summary>How a channel writes its ticks as timecode: time of day (local) and durations.</summary>
public interface ITimecodes
{
    /// <summary>The time-of-day timecode of tick <paramref name="tick"/> in the channel's time zone.</summary>
    string OfDay(long tick);

    /// <summary><paramref name="frames"/> as a duration timecode.</summary>
    string Duration(long frames);
}
