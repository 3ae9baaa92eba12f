namespace Playout.Engine.Library;

/// <summary>
/// The outcome of probing one file: what it holds and a thumbnail, or why FFmpeg cannot play it. A failure is a
/// value, not an exception, so one bad file never stops a scan of thousands.
/// </summary>
/// <param name="Info">Null when the file cannot be opened.</param>
/// <param name="Thumbnail">A JPEG of a picture near the start; null for a file without video or a failed probe.</param>
/// <param name="Error">FFmpeg's error (or ours) when the file is unplayable; null when it is fine.</param>
/// <param name="Loudness">The sound's loudness and true peak; null without sound, when not asked for, or when the sound did not decode.</param>
public sealed record MediaProbeResult(MediaInfo? Info, byte[]? Thumbnail, string? Error, MediaLoudness? Loudness = null)
{
    /// <summary>Where the sound starts, fades and ends, found with the loudness; null when that was not measured.</summary>
    public MediaMarkers? Markers { get; init; }

    public bool IsPlayable => Error is null;

    public static MediaProbeResult Playable(MediaInfo info, byte[]? thumbnail, MediaLoudness? loudness = null) => new(info, thumbnail, null, loudness);

    public static MediaProbeResult Unplayable(string error, MediaInfo? info = null) => new(info, null, error);
}
