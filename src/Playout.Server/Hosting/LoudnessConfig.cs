using System.Text.Json.Serialization;
using Playout.Automation.Runtime;
using Playout.Engine.Probes;
using Playout.Media.Audio.Loudness;

namespace Playout.Server.Hosting;

/// <summary>
/// A channel's loudness (docs/MONITORING.md#loudness): the live meters, the target items are held to, and per-item
/// normalisation of clips the media library has measured.
/// </summary>
public sealed record LoudnessConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>The programme loudness aimed at, LUFS: −23 (EBU R128) or −24 (ATSC A/85, LKFS).</summary>
    public double Target { get; init; } = LoudnessNormalisation.EbuTarget;

    /// <summary>LU an item's integrated loudness may be from the target before the loudness alarm.</summary>
    public double Tolerance { get; init; } = 2;

    /// <summary>The true peak items must stay under (alarm) and normalisation never pushes past, dBTP.</summary>
    public double Ceiling { get; init; } = -1;

    /// <summary>Play each clip with the gain that brings its measured loudness to the target (within the ceiling).</summary>
    public bool Normalise { get; init; }

    /// <summary>How the programme sound is laid out on the channel's 16 channels: "stereo" (pairs), "5.1" (channels 1–6) or "mono" (channel 1).</summary>
    public string Layout { get; init; } = "stereo";

    /// <summary>With "stereo": the audio pairs metered live (1 is channels 1–2); the first is the programme's.</summary>
    public IReadOnlyList<int> Pairs { get; init; } = [1];

    [JsonIgnore]
    public LoudnessNormalisation Normalisation => new(Normalise, Target, Ceiling);

    /// <summary>What the channel's loudness probe runs; null when loudness is off.</summary>
    public LoudnessSettings? ToSettings() => !Enabled ? null : new LoudnessSettings(Target, Tolerance, Ceiling, Layout switch
    {
        "5.1" => [("5.1", ChannelLayout.Surround51.Within(16, 0))],
        "mono" => [("mono", ChannelLayout.Mono.Within(16, 0))],
        _ => [.. Pairs.Select(p => ($"pair {p}", ChannelLayout.Pair(p - 1)))],
    });

    internal void Validate(string where, ConfigProblems problems)
    {
        if (!double.IsFinite(Target) || Target is < -40 or > -10)
            problems.Add($"{where}.target", $"{Target} is not a loudness from -40 to -10 LUFS (-23 for EBU R128, -24 for ATSC A/85)");
        if (!double.IsFinite(Tolerance) || Tolerance is <= 0 or > 20)
            problems.Add($"{where}.tolerance", $"{Tolerance} is not a number of LU above 0 and up to 20");
        if (!double.IsFinite(Ceiling) || Ceiling is < -20 or > 0)
            problems.Add($"{where}.ceiling", $"{Ceiling} is not a true peak from -20 to 0 dBTP");
        if (Layout is not ("stereo" or "5.1" or "mono"))
            problems.Add($"{where}.layout", $"'{Layout}' is not a layout: \"stereo\", \"5.1\" or \"mono\"");
        if (Pairs.Count == 0 || Pairs.Any(p => p is < 1 or > 8) || Pairs.Distinct().Count() != Pairs.Count)
            problems.Add($"{where}.pairs", $"[{string.Join(", ", Pairs)}] is not a list of different audio pairs from 1 to 8");
    }
}
