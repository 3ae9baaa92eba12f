namespace Playout.Engine.Consumers;

/// <summary>
/// One rendition's live playlist ("index.m3u8"), written again each time FFmpeg's muxer writes its own (".ffmpeg.m3u8",
/// never served) or the date ranges change: each segment dated on the channel's timeline, the date ranges in place. The
/// segments' start times are counted from the muxer's durations, in the rendition's own units (frames, or sound samples
/// for a sound-only rendition) so that no rounding adds up over a long run.
/// </summary>
/// <param name="folder">The rendition's folder.</param>
/// <param name="unitsPerSecond">Frames a second, or 48000 for a sound-only rendition.</param>
/// <param name="segmentUnits">A segment's usual length, assumed for segments the writer did not see listed.</param>
internal sealed class HlsPlaylistWriter(string folder, double unitsPerSecond, long segmentUnits)
{
    /// <summary>The muxer's playlist: a hidden file the service does not serve.</summary>
    public const string SourceName = ".ffmpeg.m3u8";

    public const string Name = "index.m3u8";

    private readonly Dictionary<long, long> _starts = [];
    private DateTime _sourceWritten;
    private long _rangesVersion = -1;
    private long _nextSequence;
    private long _nextStart;

    public string Source => Path.Combine(folder, SourceName);

    public string Playlist => Path.Combine(folder, Name);

    /// <summary>Mark breaks with cue tags too (<see cref="HlsCueBreak"/>), besides their date ranges.</summary>
    public bool CueTags { get; init; }

    /// <summary>The first listed segment's date; null before the first playlist.</summary>
    public DateTimeOffset? WindowStart { get; private set; }

    /// <summary>
    /// Writes the playlist again if the muxer's changed or <paramref name="metadata"/> did; <paramref name="dateOf"/> dates a
    /// point <c>units</c> after the rendition's first frame, <paramref name="rangeDate"/> a channel tick.
    /// </summary>
    /// <exception cref="IOException">The playlist could not be read or written.</exception>
    /// <exception cref="FormatException">The muxer's playlist could not be read (names the line).</exception>
    public void Refresh(HlsTimedMetadata metadata, Func<long, DateTimeOffset> dateOf, Func<long, DateTimeOffset> rangeDate)
    {
        var written = File.GetLastWriteTimeUtc(Source);
        long version = metadata.Version;
        if (written.Year < 1700 || written == _sourceWritten && version == _rangesVersion)
            return; // Not written yet (the first segment is not over), or nothing new.
        var playlist = HlsMediaPlaylist.Parse(File.ReadAllText(Source));
        var dates = new DateTimeOffset[playlist.Segments.Count];
        for (int i = 0; i < dates.Length; i++)
            dates[i] = dateOf(Start(playlist.MediaSequence + i, playlist.Segments[i].Duration));
        foreach (long old in _starts.Keys.Where(s => s < playlist.MediaSequence).ToList())
            _starts.Remove(old);
        WindowStart = dates.Length > 0 ? dates[0] : null;
        var ranges = metadata.Ranges.Where(r => WindowStart is not { } first || !(r.Until(rangeDate) < first))
            .Select(r => (rangeDate(r.StartTick), r.Tag(rangeDate))).ToList();
        var breaks = CueTags ? HlsCueBreak.Of(metadata.Ranges, rangeDate) : null;
        HlsFileReplace.WriteText(Playlist, playlist.Write(dates, ranges, breaks));
        // Only once written: a playlist that could not be is tried again at the next look, not taken as done.
        (_sourceWritten, _rangesVersion) = (written, version);
    }

    /// <summary>Segment <paramref name="sequence"/>'s start: known if seen before, else where the last one seen ended.</summary>
    private long Start(long sequence, double seconds)
    {
        if (_starts.TryGetValue(sequence, out long start))
            return start;
        // Segments listed and deleted between two looks (a stalled machine) are taken at the usual length.
        _nextStart += Math.Max(0, sequence - _nextSequence) * segmentUnits;
        start = _nextStart;
        _starts[sequence] = start;
        _nextStart += (long)Math.Round(seconds * unitsPerSecond);
        _nextSequence = sequence + 1;
        return start;
    }

}
