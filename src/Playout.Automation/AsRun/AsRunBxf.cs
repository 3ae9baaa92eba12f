using System.Globalization;
using System.Xml.Linq;

namespace Playout.Automation.AsRun;

/// <summary>
/// As-run entries as a BXF-style (SMPTE ST 2021) AsRun message: one AsRunDetail per entry with the event's id and
/// title, its planned and actual start as SMPTE date + timecode, its actual duration, and the status and reason
/// in the detail's status element. The element names follow BXF's AsRun schema; not validated against the XSD.
/// </summary>
public static class AsRunBxf
{
    public static readonly XNamespace Ns = "http://smpte-ra.org/schemas/2021/2019/BXF";

    public static XDocument Write(string channel, IEnumerable<AsRunEntry> entries, DateTimeOffset created)
    {
        var asRun = new XElement(Ns + "AsRun", new XAttribute("channel", channel));
        foreach (var e in entries)
        {
            asRun.Add(new XElement(Ns + "AsRunDetail",
                new XElement(Ns + "BasicAsRun",
                    new XElement(Ns + "AsRunEventId", new XElement(Ns + "EventId", e.EventId)),
                    new XElement(Ns + "EventTitle", e.Title),
                    new XElement(Ns + "EventType", e.Kind),
                    e.Source is null ? null : new XElement(Ns + "Content", new XElement(Ns + "Name", e.Source)),
                    DateTime("PlannedStartDateTime", e.Day, e.PlannedStart, e.PlannedTimecode),
                    DateTime("StartDateTime", e.Day, e.ActualStart, e.ActualTimecode),
                    new XElement(Ns + "Duration", new XElement(Ns + "SmpteDuration", new XElement(Ns + "SmpteTimeCode", e.ActualDuration))),
                    new XElement(Ns + "AsRunStatus",
                        new XAttribute("status", e.Status.ToString().ToLowerInvariant()),
                        e.Reason is null ? null : new XAttribute("reason", e.Reason),
                        e.Actions is null ? null : new XAttribute("operatorActions", e.Actions),
                        e.Continued ? new XAttribute("continued", "true") : null))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "BxfMessage",
                new XAttribute("id", Guid.NewGuid().ToString()),
                new XAttribute("dateTime", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                new XAttribute("messageType", "Information"),
                new XAttribute("origin", "Playout"),
                new XElement(Ns + "BxfData", new XAttribute("action", "add"), asRun)));
    }

    /// <summary>A start as BXF writes it: the broadcast day and the time-of-day timecode (absent when the event never aired).</summary>
    private static XElement? DateTime(string name, DateOnly day, DateTimeOffset? instant, string? timecode) => instant is null ? null :
        new XElement(Ns + name, new XElement(Ns + "SmpteDateTime",
            new XAttribute("broadcastDate", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement(Ns + "SmpteTimeCode", timecode ?? "")));
}
