using System.Collections.Immutable;
using System.Globalization;
using Playout.Media.Scte35;

namespace Playout.Engine.Consumers;

/// <summary>
/// What an HLS output's playlists say besides their segments, as date ranges (<see cref="HlsDateRange"/>): SCTE-35 splices
/// the way RFC 8216bis 4.4.5.1.4 maps them, and the titles of what is on air. Thread-safe: the channel adds, the playlist
/// writer reads.
/// </summary>
public sealed class HlsTimedMetadata
{
    /// <summary>The CLASS of a title's range: X-TITLE holds what is on air from its START-DATE to its END-DATE.</summary>
    public const string NowPlayingClass = "org.playout.now-playing";

    private readonly Lock _lock = new();
    private readonly List<HlsDateRange> _ranges = [];
    private long _version;

    /// <summary>Changes with every addition, so a writer knows to write its playlists again.</summary>
    public long Version => Interlocked.Read(ref _version);

    public IReadOnlyList<HlsDateRange> Ranges
    {
        get
        {
            lock (_lock)
                return [.. _ranges];
        }
    }

    /// <summary>
    /// A splice at <paramref name="tick"/>: a splice_insert out of the network opens "splice-EVENT" with SCTE35-OUT (and its
    /// break's PLANNED-DURATION); the return with the same event closes it (END-DATE, SCTE35-IN). A time_signal whose
    /// segmentation_descriptor starts a break or an ad opportunity (placement opportunity, advertisement, break …) opens
    /// "segmentation-EVENT" the same way, its segmentation_duration planned, and the matching end closes it, as packagers
    /// read them. Anything else (another time_signal, a cancel, a return with no break open) is a range of its own with
    /// SCTE35-CMD.
    /// </summary>
    public void Splice(long tick, SpliceCommand command, ImmutableArray<byte> descriptors)
    {
        string section = HlsDateRange.Hex(new SpliceInfoSection(command, Descriptors: descriptors).Encode());
        var segmentation = command is TimeSignal ? Segmentation(descriptors) : null;
        lock (_lock)
        {
            if (command is SpliceInsert { Cancel: false, OutOfNetwork: true } leave)
                Out($"splice-{leave.EventId}", tick, leave.Duration?.Seconds, section);
            else if (command is SpliceInsert { Cancel: false } back && OpenBreak($"splice-{back.EventId}", tick) is { } open)
                In(open, tick, section);
            else if (segmentation is { } starts && SegmentationTypes.IsBreakStart(starts.TypeId))
                Out($"segmentation-{starts.EventId}", tick, starts.Duration / 90_000.0, section);
            else if (segmentation is { } ends && SegmentationTypes.IsBreakEnd(ends.TypeId) && OpenBreak($"segmentation-{ends.EventId}", tick) is { } opened)
                In(opened, tick, section);
            else
                Add(new HlsDateRange(UniqueId($"scte35-{tick}", tick), tick) { Attributes = [new("SCTE35-CMD", section)] });
        }
    }

    private void Out(string id, long tick, double? plannedSeconds, string section) =>
        Add(new HlsDateRange(UniqueId(id, tick), tick)
        {
            PlannedDuration = plannedSeconds,
            OpenEnded = plannedSeconds is null,
            Attributes = [new("SCTE35-OUT", section)],
        });

    private void In(int open, long tick, string section) =>
        Replace(open, _ranges[open] with { EndTick = tick, Attributes = _ranges[open].Attributes.Add(new("SCTE35-IN", section)) });

    /// <summary>The first segmentation_descriptor of a descriptor loop, if it reads (not a cancel); null otherwise.</summary>
    private static SegmentationDescriptor? Segmentation(ImmutableArray<byte> descriptors)
    {
        try
        {
            var loop = descriptors.AsSpan();
            foreach (var entry in SpliceDescriptorLoop.Entries(loop))
                if (entry.Tag == SegmentationDescriptor.Tag)
                    return SegmentationDescriptor.Decode(loop.Slice(entry.BodyOffset, entry.BodyLength)) is { Cancel: false } read ? read : null;
        }
        catch (Exception error) when (error is Scte35FormatException or NotSupportedException)
        {
            // Not one this reads: the section is listed as it is, with SCTE35-CMD.
        }
        return null;
    }

    /// <summary>From <paramref name="tick"/> on, <paramref name="title"/> is on air: the title before it ends there.</summary>
    public void NowPlaying(long tick, string title)
    {
        lock (_lock)
        {
            int last = _ranges.FindLastIndex(r => r.Class == NowPlayingClass);
            if (last >= 0 && _ranges[last].EndTick is null)
                Replace(last, _ranges[last] with { EndTick = tick });
            Add(new HlsDateRange(UniqueId(string.Create(CultureInfo.InvariantCulture, $"title-{tick}"), tick), tick, NowPlayingClass)
            {
                Attributes = [new("X-TITLE", HlsDateRange.Quoted(title))],
                OpenEnded = true,
            });
        }
    }

    /// <summary>Forgets the ranges over before <paramref name="date"/>: no playlist lists them any more.</summary>
    public void ForgetBefore(DateTimeOffset date, Func<long, DateTimeOffset> dateOf)
    {
        lock (_lock)
            _ranges.RemoveAll(r => r.Until(dateOf) < date);
    }

    /// <summary>The index of the break <paramref name="id"/> ("splice-EVENT", "segmentation-EVENT"), open and begun before <paramref name="tick"/>, or null.</summary>
    private int? OpenBreak(string id, long tick)
    {
        int open = _ranges.FindLastIndex(r => (r.Id == id || r.Id.StartsWith(id + "-", StringComparison.Ordinal)) && r.EndTick is null);
        return open >= 0 && _ranges[open].StartTick < tick ? open : null;
    }

    private void Add(HlsDateRange range)
    {
        _ranges.Add(range);
        Interlocked.Increment(ref _version);
    }

    private void Replace(int index, HlsDateRange range)
    {
        _ranges[index] = range;
        Interlocked.Increment(ref _version);
    }

    /// <summary>An ID once used stays that range's: a second break with the same event number gets the tick added.</summary>
    private string UniqueId(string id, long tick) =>
        _ranges.Exists(r => r.Id == id) ? string.Create(CultureInfo.InvariantCulture, $"{id}-{tick}") : id;
}
