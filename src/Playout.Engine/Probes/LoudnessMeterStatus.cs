using Playout.Media.Audio.Loudness;

namespace Playout.Engine.Probes;

/// <summary>
/// One live meter for status, REST, SNMP and the panel: its figures since the channel started (or the last reset). A figure
/// with no value yet (silence, under the gates) is null.
/// </summary>
public sealed record LoudnessMeterStatus(string Name, string Layout, double? Momentary, double? ShortTerm, double? Integrated, double? Range,
    double? TruePeak, double? SamplePeak, double? MomentaryMax, double? ShortTermMax)
{
    public static LoudnessMeterStatus Of(string name, ChannelLayout layout, LoudnessReading r) =>
        new(name, layout.Name, Value(r.Momentary), Value(r.ShortTerm), Value(r.Integrated), Value(r.Range), Value(r.TruePeak), Value(r.SamplePeak),
            Value(r.MomentaryMax), Value(r.ShortTermMax));

    /// <summary>A figure rounded to 0.1 (as meters show them), or null for no value.</summary>
    public static double? Value(double figure) => LoudnessReading.HasValue(figure) ? Math.Round(figure, 1) : null;
}

/// <summary>The channel's loudness now: every live meter, and the item on air so far (programme meter, a second behind).</summary>
public sealed record LoudnessStatus(double Target, IReadOnlyList<LoudnessMeterStatus> Meters, double? ItemIntegrated, double? ItemTruePeak);

/// <summary>What an item measured, for its as-run record: the programme meter from its first frame to its last.</summary>
/// <param name="Key">The item's key, as the automation marked it.</param>
public sealed record ItemLoudness(string Key, long StartTick, long EndTick, double? Integrated, double? TruePeak, double? Range);
