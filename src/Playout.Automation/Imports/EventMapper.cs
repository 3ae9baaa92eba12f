using Playout.Automation.Schedules;
using Playout.Media.Formats;

namespace Playout.Automation.Imports;

/// <summary>
/// The one mapping from the import tree to schedule events, shared by every format: field names, defaults and
/// value syntax live here. Rules about whole events (a clip needs a source, a fixed event a start) are
/// <see cref="ScheduleValidator"/>'s, applied afterwards by <see cref="ImportValidation"/>.
/// </summary>
internal sealed class EventMapper(ImportProblems problems, Rational frameRate)
{
    public static readonly IReadOnlyList<string> EventKeys =
        ["id", "kind", "source", "title", "timing", "start", "duration", "in", "out", "loop", "mix", "children", "secondaries"];

    public static readonly IReadOnlyList<string> SecondaryKeys =
        ["kind", "anchor", "offset", "layer", "source", "level", "frames", "scte35", "device", "command", "args"];

    public static readonly IReadOnlyList<string> Scte35Keys =
        ["eventId", "out", "duration", "autoReturn", "timeSignal", "uniqueProgramId", "availNum", "availsExpected", "segmentation"];

    public static readonly IReadOnlyList<string> SegmentationKeys =
        ["type", "eventId", "duration", "upidType", "upid", "segmentNum", "segmentsExpected", "subSegmentNum", "subSegmentsExpected"];

    /// <summary>The event, where it starts in the file, and whether it mapped without errors; null when it could not be built at all.</summary>
    public ImportedEvent? Map(ImportNode node)
    {
        int before = problems.ErrorCount;
        return Event(node) is { } e ? new ImportedEvent(e, node.At, Fields((MapNode)node), problems.ErrorCount == before) : null;
    }

    private static Dictionary<string, (string Label, SourceSpot At)> Fields(MapNode map)
    {
        var fields = new Dictionary<string, (string, SourceSpot)>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
            fields.TryAdd(entry.Key, (entry.Label, entry.Value.At));
        return fields;
    }

    private PrimaryEvent? Event(ImportNode node)
    {
        if (node is not MapNode map)
        {
            problems.Error(node.At, $"expected an event (a mapping), found {node.What}");
            return null;
        }
        var f = new FieldReader(map, EventKeys, problems);
        string? id = f.Text("id");
        f.EventId = id;
        f.CheckKeys();
        f.Require("id");
        f.Require("kind");
        var kind = f.Enum<PrimaryKind>("kind");
        var start = f.Value("start", t => Time(t, "a time of day"));
        // A start time makes an event fixed unless the file says otherwise; the validator catches a contradiction.
        var timing = f.Enum<TimingMode>("timing") ?? (start is null ? TimingMode.Follow : TimingMode.Fixed);
        string? source = f.Text("source"), title = f.Text("title");
        var duration = f.Value("duration", t => Time(t, "a duration"));
        var inPoint = f.Value("in", t => Time(t, "a time in the file"));
        var outPoint = f.Value("out", t => Time(t, "a time in the file"));
        bool loop = f.Bool("loop") ?? false;
        var mix = f.Value("mix", t => Time(t, "a duration"));
        var children = f.List("children")?.Select(Event).OfType<PrimaryEvent>().ToList();
        var secondaries = f.List("secondaries")?.Select(s => Secondary(s, id)).OfType<SecondaryEvent>().ToList();
        if (id is null || kind is null)
            return null;
        return new PrimaryEvent(id, kind.Value, source, title, timing, start, duration, inPoint, outPoint, loop, secondaries, children, mix);
    }

    private SecondaryEvent? Secondary(ImportNode node, string? eventId)
    {
        if (node is not MapNode map)
        {
            problems.Error(node.At, $"expected a secondary event (a mapping), found {node.What}", eventId);
            return null;
        }
        var f = new FieldReader(map, SecondaryKeys, problems) { EventId = eventId };
        f.CheckKeys();
        f.Require("kind");
        var kind = f.Enum<SecondaryKind>("kind");
        var s = new SecondaryEvent(
            kind ?? default,
            f.Enum<EventAnchor>("anchor") ?? EventAnchor.Start,
            f.Value("offset", t => Time(t, "an offset", signed: true)) ?? TimeSpan.Zero,
            (int?)f.Integer("layer", int.MinValue, int.MaxValue),
            f.Text("source"),
            f.Number("level"),
            (int)(f.Integer("frames", int.MinValue, int.MaxValue) ?? 0),
            f.Map("scte35") is { } cue ? Scte35(cue, eventId) : null,
            f.Text("device"),
            f.Text("command"),
            f.Map("args") is { } args ? Arguments(args, eventId) : null);
        return kind is null ? null : s;
    }

    private Scte35Cue? Scte35(MapNode map, string? eventId)
    {
        var f = new FieldReader(map, Scte35Keys, problems) { EventId = eventId };
        f.CheckKeys();
        bool timeSignal = f.Bool("timeSignal") ?? false;
        // A time_signal carries no splice_event_id; a splice_insert must name one.
        if (!timeSignal)
            f.Require("eventId");
        var id = f.Integer("eventId", 0, uint.MaxValue);
        var cue = new Scte35Cue(
            (uint)(id ?? 0),
            f.Bool("out") ?? true,
            f.Value("duration", t => Time(t, "a duration")),
            f.Bool("autoReturn") ?? true,
            timeSignal,
            (ushort)(f.Integer("uniqueProgramId", 0, ushort.MaxValue) ?? 0),
            (byte)(f.Integer("availNum", 0, byte.MaxValue) ?? 0),
            (byte)(f.Integer("availsExpected", 0, byte.MaxValue) ?? 0),
            f.Map("segmentation") is { } segmentation ? Segmentation(segmentation, eventId) : null);
        return id is null && !timeSignal ? null : cue;
    }

    private Scte35Segmentation? Segmentation(MapNode map, string? eventId)
    {
        var f = new FieldReader(map, SegmentationKeys, problems) { EventId = eventId };
        f.CheckKeys();
        f.Require("type");
        var type = f.Value("type", Scte35Segmentation.ParseType);
        string? upid = f.Text("upid");
        if (upid is not null)
            _ = f.Value("upid", Scte35Segmentation.ParseUpid);
        var upidType = f.Value("upidType", Scte35Segmentation.ParseByte);
        // A UPID means nothing without its type; a type without a UPID is a descriptor with an empty one, which is allowed.
        if (upid is not null && f.Text("upidType") is null)
            problems.Error(f.At, "missing: a upid needs its upidType (0x09 ADI, 0x0C MPU, 0x0F URI …)", eventId, "upidType");
        byte Byte(string key) => (byte)(f.Integer(key, 0, byte.MaxValue) ?? 0);
        var segmentation = new Scte35Segmentation(
            type ?? 0,
            f.Integer("eventId", 0, uint.MaxValue) is { } id ? (uint)id : null,
            f.Value("duration", t => Time(t, "a duration")),
            (byte)(upidType ?? 0),
            upid,
            Byte("segmentNum"), Byte("segmentsExpected"), Byte("subSegmentNum"), Byte("subSegmentsExpected"));
        if (type is null)
            return null;
        // The fields read one by one may still not fit one descriptor together (a long UPID, a duration over 40 bits).
        try
        {
            _ = segmentation.Descriptor(new Scte35Cue(0)).Encode();
        }
        catch (Exception error) when (error is FormatException or ArgumentOutOfRangeException)
        {
            problems.Error(f.At, error.Message.Split(" (Parameter", 2)[0], eventId, "segmentation");
            return null;
        }
        return segmentation;
    }

    private Dictionary<string, string> Arguments(MapNode map, string? eventId)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is ScalarNode { Text: { } text })
                arguments[entry.Key] = text;
            else
                problems.Error(entry.Value.At, $"expected a value, found {entry.Value.What}", eventId, $"args.{entry.Label}");
        }
        return arguments;
    }

    private (TimeSpan Value, string? Error) Time(string text, string noun, bool signed = false) =>
        TimeText.Parse(text, frameRate, noun, signed);
}
