using Playout.Engine.Library;

namespace Playout.Automation.Library;

/// <summary>One file of the media catalogue: where it is, the size and time it had when probed, and what the probe found.</summary>
/// <param name="Path">The file's full path; unique in the catalogue.</param>
/// <param name="Modified">The file's last write time (UTC) when it was probed; with <paramref name="Size"/> it tells a changed file.</param>
/// <param name="Error">FFmpeg's error for an unplayable file.</param>
/// <param name="ProbedAt">When the probe ran (UTC).</param>
/// <param name="Info">What the file holds; null when FFmpeg could not open it.</param>
/// <param name="Loudness">The sound's integrated loudness and true peak; null when not measured (no sound, measuring off, or undecodable sound).</param>
public sealed record MediaEntry(
    string Path,
    long Size,
    DateTime Modified,
    MediaStatus Status,
    string? Error,
    DateTime ProbedAt,
    MediaInfo? Info,
    bool HasThumbnail,
    MediaLoudness? Loudness = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The markers the scan found in the sound (cue-in, segue, cue-out); null: none, or not measured.</summary>
    public MediaMarkers? Found { get; init; }

    /// <summary>The markers an operator set; null: none.</summary>
    public MediaMarkers? Set { get; init; }

    /// <summary>The markers in force: the operator's, and the scan's where the operator set none.</summary>
    public MediaMarkers? Markers => Set?.Over(Found) ?? Found;

    public TimeSpan? Duration => Info?.Duration;
}
