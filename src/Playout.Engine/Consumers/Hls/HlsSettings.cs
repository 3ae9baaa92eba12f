namespace Playout.Engine.Consumers;

/// <summary>One rung of an HLS ladder: a picture height (the width follows at 16:9) and the video bit rate.</summary>
public sealed record HlsRendition(int Height, long VideoBitrate);

/// <summary>What an HLS output's segments are: fragmented MP4 (CMAF; the default), or MPEG-TS for older players.</summary>
public enum HlsSegmentType
{
    Fmp4,
    Ts,
}

/// <summary>An HLS output's settings: where its playlists and segments go, how long a segment is, how many the live window
/// lists, and its ladder.</summary>
/// <param name="Preset">libx264's speed preset: the ladder must encode in real time beside the channel.</param>
public sealed record HlsSettings(string Folder, IReadOnlyList<HlsRendition> Renditions, double SegmentSeconds = 2, int ListSize = 6,
    long AudioBitrate = 128_000, string Preset = "superfast")
{
    /// <summary>The longest DVR window: twelve hours of segments kept in the folder.</summary>
    public const double MaxDvrSeconds = 12 * 3600;

    /// <summary>
    /// Adds a sound-only rendition to the ladder (listed last, for a phone on a poor link or a listener with the screen
    /// off). A radio channel's ladder is that rendition alone, whatever this says.
    /// </summary>
    public bool AudioOnly { get; init; }

    public HlsSegmentType SegmentType { get; init; }

    /// <summary>
    /// A DVR window: the playlists list this many seconds of segments (at least the live window's), so a viewer can go back
    /// that far; 0 (the default) lists the live window alone.
    /// </summary>
    public double DvrSeconds { get; init; }

    /// <summary>List the schedule's SCTE-35 splices as EXT-X-DATERANGE tags (<see cref="HlsConsumer.CueSplice"/>).</summary>
    public bool Scte35 { get; init; }

    /// <summary>With <see cref="Scte35"/>: mark breaks with the de facto cue tags as well (<see cref="HlsCueBreak"/>).</summary>
    public bool CueTags { get; init; }

    /// <summary>
    /// Carry the title on air as timed ID3 in the segments too (TS segments only: a metadata stream in each, as the MPEG-TS
    /// output's <see cref="StreamSettings.NowPlaying"/>), for players that read ID3 rather than the playlists' date ranges.
    /// </summary>
    public bool NowPlaying { get; init; }

    /// <summary>Segments each playlist lists: the live window, or the DVR window's.</summary>
    public int ListedSegments => Math.Max(ListSize, (int)Math.Ceiling(DvrSeconds / SegmentSeconds));

    /// <summary>The ladder for a channel of <paramref name="height"/> lines: 1080, 720 and 480 lines, those not above it.</summary>
    public static IReadOnlyList<HlsRendition> DefaultLadder(int height) =>
        [.. new HlsRendition[] { new(1080, 5_000_000), new(720, 2_800_000), new(480, 1_200_000) }.Where(r => r.Height <= height)
            .DefaultIfEmpty(new HlsRendition(height, 1_200_000))];
}
