using Playout.Media.Audio;

namespace Playout.Engine.Library;

/// <summary>
/// A recording's radio markers, as times from the start of the file: where it is played from (cue-in), where the talk-up
/// ends and the vocals start (intro, for the presenter; nothing acts on it), where the next item starts over its tail
/// (segue) and where it is played to (cue-out). Null: not set.
/// </summary>
public sealed record MediaMarkers(TimeSpan? CueIn = null, TimeSpan? Intro = null, TimeSpan? Segue = null, TimeSpan? CueOut = null)
{
    public static MediaMarkers Of(SoundMarkers found) => new(found.CueIn, null, found.Segue, found.CueOut);

    /// <summary>The latest a marker may be given at, in seconds (a week: longer than any file, and far from TimeSpan's limits).</summary>
    public const double LatestSeconds = 7 * 24 * 3600;

    /// <summary>Whether <paramref name="seconds"/> can be a marker's time: finite, not negative, within <see cref="LatestSeconds"/>.</summary>
    public static bool IsTime(double seconds) => double.IsFinite(seconds) && seconds is >= 0 and <= LatestSeconds;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => CueIn is null && Intro is null && Segue is null && CueOut is null;

    /// <summary>These markers where set, <paramref name="found"/>'s elsewhere (an operator's over those the scan found).</summary>
    public MediaMarkers Over(MediaMarkers? found) =>
        found is null ? this : new(CueIn ?? found.CueIn, Intro ?? found.Intro, Segue ?? found.Segue, CueOut ?? found.CueOut);

    /// <summary>What is wrong with them for a file of <paramref name="length"/> (markers must keep their order within it), or null.</summary>
    public string? Problem(TimeSpan? length)
    {
        var named = new (string Name, TimeSpan? At)[] { ("cueIn", CueIn), ("intro", Intro), ("segue", Segue), ("cueOut", CueOut) };
        if (named.FirstOrDefault(m => m.At < TimeSpan.Zero || m.At > length) is { Name: { } outside } bad)
            return $"{outside}: {bad.At} is not within the file (0 to {length})";
        var set = named.Where(m => m.At is not null).ToArray();
        for (int i = 1; i < set.Length; i++)
            if (set[i].At <= set[i - 1].At)
                return $"{set[i].Name}: {set[i].At} must come after {set[i - 1].Name} ({set[i - 1].At})";
        return null;
    }
}
