using Playout.Media.Audio.Loudness;

namespace Playout.Engine.Probes;

/// <summary>
/// A channel's loudness watch (EBU R128 / ATSC A/85): which audio is metered, the target it is held to, and the alarms.
/// </summary>
/// <param name="Target">The programme loudness aimed at, LUFS: −23 (EBU R128) or −24 (ATSC A/85 LKFS).</param>
/// <param name="Tolerance">An item's integrated loudness more than this many LU from the target raises <c>&lt;channel&gt;/loudness</c>.</param>
/// <param name="Ceiling">An item's true peak above this, dBTP, raises <c>&lt;channel&gt;/true-peak</c>.</param>
/// <param name="Meters">The live meters, by name; the first is the programme's (its items are measured for the as-run log).</param>
public sealed record LoudnessSettings(double Target, double Tolerance, double Ceiling, IReadOnlyList<(string Name, ChannelLayout Layout)> Meters)
{
    /// <summary>R128's target and a stereo programme on the first pair of 16 channels.</summary>
    public static LoudnessSettings Default { get; } = new(-23, 2, -1, [("programme", ChannelLayout.Pair(0))]);

    /// <summary>An item is judged against the target only once this much of it has been measured: short items say little.</summary>
    public static readonly TimeSpan JudgedAfter = TimeSpan.FromSeconds(10);
}
