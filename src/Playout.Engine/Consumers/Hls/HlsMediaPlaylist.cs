using System.Globalization;
using System.Text;

namespace Playout.Engine.Consumers;

/// <summary>
/// A live media playlist as FFmpeg's HLS muxer writes it, taken apart to be written again with what the muxer cannot
/// write: one program date time for every rendition (the channel's, not each muxer's own clock) and the date ranges.
/// </summary>
/// <param name="Header">The lines before the first segment.</param>
/// <param name="Segments">The listed segments, oldest first.</param>
/// <param name="Trailer">The lines after the last segment (EXT-X-ENDLIST once the output has ended).</param>
public sealed record HlsMediaPlaylist(IReadOnlyList<string> Header, IReadOnlyList<HlsSegmentEntry> Segments, IReadOnlyList<string> Trailer)
{
    /// <summary>EXT-X-MEDIA-SEQUENCE: the first listed segment's number.</summary>
    public long MediaSequence { get; init; }

    /// <exception cref="FormatException">The text is not a media playlist (names the line).</exception>
    public static HlsMediaPlaylist Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0] != "#EXTM3U")
            throw new FormatException("line 1: a playlist starts with #EXTM3U");
        var header = new List<string>();
        var segments = new List<HlsSegmentEntry>();
        var pending = new List<string>();
        long sequence = 0;
        double? duration = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
                continue;
            if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal)
                && !long.TryParse(line.AsSpan("#EXT-X-MEDIA-SEQUENCE:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
                throw new FormatException($"line {i + 1}: '{line}' is not a media sequence number");
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                string value = line["#EXTINF:".Length..].Split(',')[0];
                duration = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 ? seconds
                    : throw new FormatException($"line {i + 1}: '{line}' has no segment duration");
            }
            if (line.StartsWith('#'))
            {
                // The muxer's own dates are not written again: the channel's replace them.
                if (!line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
                    (duration is null && segments.Count == 0 ? header : pending).Add(line);
                continue;
            }
            if (duration is not { } length)
                throw new FormatException($"line {i + 1}: segment '{line}' has no #EXTINF before it");
            segments.Add(new HlsSegmentEntry(line, length, [.. pending]));
            pending.Clear();
            duration = null;
        }
        return new HlsMediaPlaylist(header, segments, [.. pending]) { MediaSequence = sequence };
    }

    /// <summary>
    /// The playlist with each segment's EXT-X-PROGRAM-DATE-TIME (<paramref name="segmentDates"/>, one a segment), each
    /// date range (with its date) before the segment it begins in, or before the first one when it began earlier, and the
    /// cue tags of <paramref name="breaks"/> (<see cref="HlsCueBreak.TagBefore"/>).
    /// </summary>
    public string Write(IReadOnlyList<DateTimeOffset> segmentDates, IReadOnlyList<(DateTimeOffset Start, string Tag)> ranges,
        IReadOnlyList<HlsCueBreak>? breaks = null)
    {
        var text = new StringBuilder();
        foreach (string line in Header)
            text.Append(line).Append('\n');
        // The boundaries: each segment's start, and the last one's end.
        DateTimeOffset[] bounds = Segments.Count == 0 ? [] : [.. segmentDates, segmentDates[^1] + TimeSpan.FromSeconds(Segments[^1].Duration)];
        for (int i = 0; i < Segments.Count; i++)
        {
            bool first = i == 0;
            DateTimeOffset? next = i + 1 < Segments.Count ? segmentDates[i + 1] : null;
            foreach (var (start, tag) in ranges)
                if ((first || start >= segmentDates[i]) && (next is null || start < next))
                    text.Append(tag).Append('\n');
            foreach (var cue in breaks ?? [])
                if (cue.TagBefore(i, bounds) is { } tag)
                    text.Append(tag).Append('\n');
            text.Append("#EXT-X-PROGRAM-DATE-TIME:").Append(HlsDateRange.Date(segmentDates[i])).Append('\n');
            foreach (string tag in Segments[i].Tags)
                text.Append(tag).Append('\n');
            text.Append(Segments[i].Uri).Append('\n');
        }
        foreach (string line in Trailer)
            text.Append(line).Append('\n');
        return text.ToString();
    }
}

/// <summary>A listed segment: its URI, its EXTINF duration in seconds, and the tags before it (EXTINF among them).</summary>
public sealed record HlsSegmentEntry(string Uri, double Duration, IReadOnlyList<string> Tags);
