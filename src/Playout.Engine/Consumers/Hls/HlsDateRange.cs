using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Playout.Engine.Consumers;

/// <summary>
/// An EXT-X-DATERANGE of an HLS output's playlists (RFC 8216bis 4.4.5.1), kept in channel ticks: the tag is written with
/// the dates of the frames, on the same timeline as the segments' EXT-X-PROGRAM-DATE-TIME, so every rendition lists it
/// at the same instant.
/// </summary>
/// <param name="Id">Unique within the output's playlists.</param>
/// <param name="StartTick">The first frame it covers.</param>
/// <param name="Class">CLASS, or null.</param>
public sealed record HlsDateRange(string Id, long StartTick, string? Class = null)
{
    /// <summary>The frame it ended at (END-DATE, and its DURATION), or null while open.</summary>
    public long? EndTick { get; init; }

    /// <summary>PLANNED-DURATION in seconds, or null.</summary>
    public double? PlannedDuration { get; init; }

    /// <summary>Further attributes in order, their values as written (a quoted string with its quotes, or 0x hex).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>Lasts until something ends it (a title until the next, a break until its return): listed while open.</summary>
    public bool OpenEnded { get; init; }

    /// <summary>When it is over: its end, else its planned end, else its start (a point in time); null while open-ended.</summary>
    public DateTimeOffset? Until(Func<long, DateTimeOffset> dateOf) =>
        EndTick is { } end ? dateOf(end)
        : PlannedDuration is { } planned ? dateOf(StartTick) + TimeSpan.FromSeconds(planned)
        : OpenEnded ? null : dateOf(StartTick);

    /// <summary>The tag, with <paramref name="dateOf"/> giving each tick's date.</summary>
    public string Tag(Func<long, DateTimeOffset> dateOf)
    {
        var tag = new StringBuilder("#EXT-X-DATERANGE:ID=").Append(Quoted(Id));
        if (Class is not null)
            tag.Append(",CLASS=").Append(Quoted(Class));
        var start = dateOf(StartTick);
        tag.Append(",START-DATE=").Append(Quoted(Date(start)));
        if (EndTick is { } end)
        {
            var ended = dateOf(end);
            tag.Append(",END-DATE=").Append(Quoted(Date(ended)))
                .Append(CultureInfo.InvariantCulture, $",DURATION={(ended - start).TotalSeconds:0.000}");
        }
        if (PlannedDuration is { } planned)
            tag.Append(CultureInfo.InvariantCulture, $",PLANNED-DURATION={planned:0.000}");
        foreach (var (name, value) in Attributes)
            tag.Append(',').Append(name).Append('=').Append(value);
        return tag.ToString();
    }

    /// <summary>A playlist date: ISO 8601 in UTC to the millisecond, as EXT-X-PROGRAM-DATE-TIME and START-DATE take it.</summary>
    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A quoted-string: it cannot hold a double quote, CR or LF, so those become a single quote and spaces.</summary>
    public static string Quoted(string text) =>
        "\"" + text.Replace('"', '\'').Replace('\r', ' ').Replace('\n', ' ') + "\"";

    /// <summary>A hexadecimal-sequence (SCTE35-OUT and the like).</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexString(bytes);
}
