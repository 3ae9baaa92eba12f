using System.Xml;
using System.Xml.Linq;

namespace Playout.Automation.Imports;

/// <summary>Where an XML element or attribute is: its line and its path from the root, e.g. "BxfMessage/BxfData/Schedule/ScheduledEvent[3]".</summary>
internal static class XmlSpots
{
    public static SourceSpot Of(XElement element) => new(Line(element), null, PathOf(element));

    public static SourceSpot Of(XAttribute attribute) =>
        new(Line(attribute), null, $"{PathOf(attribute.Parent!)}/@{attribute.Name.LocalName}");

    private static int? Line(IXmlLineInfo node) => node.HasLineInfo() ? node.LineNumber : null;

    private static string PathOf(XElement element) =>
        string.Join("/", element.AncestorsAndSelf().Reverse().Select(Step));

    // An index only where the parent has several elements of that name.
    private static string Step(XElement element)
    {
        if (element.Parent is not { } parent)
            return element.Name.LocalName;
        var same = parent.Elements(element.Name).ToList();
        return same.Count == 1 ? element.Name.LocalName : $"{element.Name.LocalName}[{same.IndexOf(element) + 1}]";
    }
}
