using System.Xml;
using System.Xml.Linq;

namespace Playout.Automation.Imports;

/// <summary>
/// The schedule part of a BXF (SMPTE ST 2021) message, read by local element names (any namespace or prefix):
/// each ScheduledEvent of each Schedule becomes a primary event of the import tree, and a non-primary event that
/// carries a splice becomes an SCTE-35 secondary of the primary before it; other non-primary events are skipped
/// with a warning. What is read is listed in docs/SCHEDULE-FORMAT.md.
/// </summary>
internal static class BxfScheduleReader
{
    private static readonly string[] SourceElements = ["MediaLocator", "Locator", "URL", "FileName"];
    private static readonly string[] LiveSchemes = ["udp://", "srt://", "rtp://", "rtmp://", "card:"];

    public static ImportedDays Read(string text, EventMapper mapper, ImportProblems problems)
    {
        var days = new ImportedDays();
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            problems.Error(new SourceSpot(e.LineNumber, e.LinePosition), $"not well-formed XML: {e.Message}");
            return days;
        }
        var root = document.Root!;
        if (root.Name.LocalName != "BxfMessage")
        {
            problems.Error(XmlSpots.Of(root), $"the root element is {root.Name.LocalName}, not BxfMessage");
            return days;
        }
        var primaries = new List<BxfPrimary>();
        foreach (var schedule in Named(root.Descendants(), "Schedule"))
        {
            DateOnly? date = ScheduleStart(schedule, problems);
            foreach (var scheduled in Named(schedule.Elements(), "ScheduledEvent"))
                date = ReadScheduledEvent(scheduled, date, primaries, problems);
        }
        if (primaries.Count == 0)
            problems.Error(XmlSpots.Of(root), "no ScheduledEvent with a primary event in any Schedule");
        foreach (var primary in primaries)
        {
            if (mapper.Map(primary.ToNode()) is { } imported && primary.Date is DateOnly d)
                days.Day(d, primary.At).Events.Add(imported);
        }
        return days;
    }

    /// <summary>Reads one ScheduledEvent; returns the broadcast date the next event follows on.</summary>
    private static DateOnly? ReadScheduledEvent(XElement scheduled, DateOnly? date, List<BxfPrimary> primaries, ImportProblems problems)
    {
        var data = Child(scheduled, "EventData");
        if (data is null)
        {
            problems.Error(XmlSpots.Of(scheduled), "no EventData", field: "EventData");
            return date;
        }
        var nonPrimary = Child(data, "NonPrimaryEvent");
        if (nonPrimary is not null || IsNonPrimary(data))
        {
            ReadNonPrimary(scheduled, data, nonPrimary, primaries.LastOrDefault(), problems);
            return date;
        }
        var primary = new BxfPrimary(XmlSpots.Of(scheduled));
        var id = EventId(data);
        primary.Add("id", id);
        primary.Add("title", Child(data, "EventTitle") ?? Path(scheduled, "Content", "Name"));
        var content = Child(scheduled, "Content");
        var source = (content is null ? null : Named(content.Descendants(), SourceElements).FirstOrDefault()) ?? Path(content, "ContentId", "HouseNumber");
        primary.Add("source", source);
        // BXF has no kind of its own for a live source; a stream URL or a card input is one (as PrimaryKind.Live says).
        primary.Add("kind", source is not null && LiveSchemes.Any(s => source.Value.Trim().StartsWith(s, StringComparison.OrdinalIgnoreCase)) ? "live" : "clip");
        primary.Add("duration", Named(Child(data, "LengthOption")?.Descendants() ?? [], "SmpteTimeCode").FirstOrDefault());
        if (Path(data, "StartDateTime", "SmpteDateTime") is { } start)
        {
            primary.Add("start", Child(start, "SmpteTimeCode"));
            date = BroadcastDate(start, id?.Value.Trim(), problems) ?? date;
        }
        else if (date is null)
            problems.Error(XmlSpots.Of(data), "no broadcast date: the first event needs a StartDateTime (or the Schedule a scheduleStart)", id?.Value.Trim(), "StartDateTime");
        primary.Date = date;
        primaries.Add(primary);
        return date;
    }

    private static void ReadNonPrimary(XElement scheduled, XElement data, XElement? nonPrimary, BxfPrimary? primary, ImportProblems problems)
    {
        var at = XmlSpots.Of(scheduled);
        string name = Child(nonPrimary, "NonPrimaryEventName")?.Value.Trim() ?? EventId(data)?.Value.Trim() ?? "(unnamed)";
        var splice = Named(scheduled.Descendants(), "SpliceInsert", "TimeSignal").FirstOrDefault();
        if (splice is null)
        {
            problems.Warning(at, $"non-primary event \"{name}\" carries no splice (SpliceInsert or TimeSignal); skipped");
            return;
        }
        if (primary is null)
        {
            problems.Error(at, $"non-primary event \"{name}\" comes before any primary event; it belongs to the primary event before it");
            return;
        }
        var cue = new List<MapEntry>();
        bool timeSignal = splice.Name.LocalName == "TimeSignal";
        Add(cue, "timeSignal", timeSignal ? "true" : "false", XmlSpots.Of(splice));
        Add(cue, "eventId", Value(splice, "spliceEventId"));
        Add(cue, "out", Value(splice, "outOfNetworkIndicator") ?? Value(splice, "outOfNetwork"));
        Add(cue, "duration", Value(splice, "breakDuration"));
        Add(cue, "autoReturn", Value(splice, "autoReturn"));
        var secondary = new List<MapEntry>();
        Add(secondary, "kind", "scte35", XmlSpots.Of(splice));
        if (Child(nonPrimary, "Offset") is { } offset)
            ReadOffset(offset, secondary);
        secondary.Add(new MapEntry("scte35", splice.Name.LocalName, XmlSpots.Of(splice), new MapNode(XmlSpots.Of(splice), cue)));
        primary.Secondaries.Add(new MapNode(at, secondary));
    }

    /// <summary>
    /// An Offset's text is a timecode; its attributes say from which edge (BeginningOfEvent / EndOfEvent) and which way
    /// (Positive / Negative). They are recognised by value, as writers differ in the attribute names.
    /// </summary>
    private static void ReadOffset(XElement offset, List<MapEntry> secondary)
    {
        bool negative = false;
        foreach (var attribute in offset.Attributes())
        {
            var value = attribute.Value.Trim().ToLowerInvariant();
            if (value is "endofevent" or "beginningofevent")
                Add(secondary, "anchor", value == "endofevent" ? "end" : "start", XmlSpots.Of(attribute));
            negative |= value == "negative";
        }
        var text = (Child(offset, "SmpteTimeCode") ?? offset).Value.Trim();
        Add(secondary, "offset", negative ? "-" + text : text, XmlSpots.Of(offset));
    }

    private static DateOnly? ScheduleStart(XElement schedule, ImportProblems problems)
    {
        if (schedule.Attribute("scheduleStart") is not { } start)
            return null;
        var (date, error) = DateText.Parse(start.Value.Trim() is { Length: >= 10 } v ? v[..10] : start.Value);
        if (error is not null)
            problems.Error(XmlSpots.Of(start), error, field: "scheduleStart");
        return error is null ? date : null;
    }

    private static DateOnly? BroadcastDate(XElement smpteDateTime, string? eventId, ImportProblems problems)
    {
        if (smpteDateTime.Attribute("broadcastDate") is not { } attribute)
        {
            problems.Error(XmlSpots.Of(smpteDateTime), "missing", eventId, "broadcastDate");
            return null;
        }
        var (date, error) = DateText.Parse(attribute.Value);
        if (error is not null)
            problems.Error(XmlSpots.Of(attribute), error, eventId, "broadcastDate");
        return error is null ? date : null;
    }

    private static bool IsNonPrimary(XElement data) =>
        data.Attribute("eventType")?.Value.Trim().StartsWith("NonPrimary", StringComparison.OrdinalIgnoreCase) == true;

    // EventId may wrap the id in an inner EventId element.
    private static XElement? EventId(XElement data) =>
        Child(data, "EventId") is { } outer ? Child(outer, "EventId") ?? outer : null;

    /// <summary>An attribute or child element of that name (any case), as an element or attribute to read and locate.</summary>
    private static XObject? Value(XElement element, string name) =>
        (XObject?)element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? element.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static XElement? Child(XElement? element, string name) => element is null ? null : Named(element.Elements(), name).FirstOrDefault();

    private static XElement? Path(XElement? element, params string[] names) => names.Aggregate(element, Child);

    private static IEnumerable<XElement> Named(IEnumerable<XElement> elements, params string[] names) =>
        elements.Where(e => names.Contains(e.Name.LocalName));

    private static void Add(List<MapEntry> entries, string key, XObject? node)
    {
        if (node is null)
            return;
        var (label, at, text) = node switch
        {
            XAttribute a => (a.Name.LocalName, XmlSpots.Of(a), a.Value),
            XElement e => (e.Name.LocalName, XmlSpots.Of(e), (Child(e, "SmpteTimeCode") ?? e).Value),
            _ => throw new ArgumentException("an element or attribute", nameof(node)),
        };
        // xs:boolean also allows 1 and 0.
        text = text.Trim() switch { "1" when key is "out" or "autoReturn" => "true", "0" when key is "out" or "autoReturn" => "false", var t => t };
        entries.Add(new MapEntry(key, label, at, new ScalarNode(at, text)));
    }

    private static void Add(List<MapEntry> entries, string key, string text, SourceSpot at) =>
        entries.Add(new MapEntry(key, at, new ScalarNode(at, text)));

    /// <summary>A primary event as read so far: its fields, the splices that follow it, and its broadcast date.</summary>
    private sealed class BxfPrimary(SourceSpot at)
    {
        private readonly List<MapEntry> _entries = [];

        public SourceSpot At => at;
        public DateOnly? Date { get; set; }
        public List<ImportNode> Secondaries { get; } = [];

        public void Add(string key, XObject? node) => BxfScheduleReader.Add(_entries, key, node);

        public void Add(string key, string text) => BxfScheduleReader.Add(_entries, key, text, at);

        public MapNode ToNode() => new(at, Secondaries.Count == 0
            ? _entries
            : [.. _entries, new MapEntry("secondaries", "NonPrimaryEvent", at, new ListNode(at, Secondaries))]);
    }
}
