using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Playout.Automation.Imports;

/// <summary>Reads YAML into the import tree with YamlDotNet's parser events, which carry each node's line and column.</summary>
internal static partial class YamlTreeReader
{
    /// <summary>The file's one document, or null after reporting why it is not well-formed YAML.</summary>
    public static ImportNode? Read(string text, ImportProblems problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, ImportNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                problems.Error(SourceSpot.WholeFile, "the file is empty");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                problems.Error(Spot(next.Start), "a second YAML document; a schedule file holds one (put several days under 'days:')");
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            problems.Error(Spot(e.Start), $"not valid YAML: {MarkPrefix().Replace(e.Message, "")}");
            return null;
        }
    }

    private static ImportNode ReadNode(IParser parser, Dictionary<string, ImportNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} names no anchor before it");
        var start = parser.Consume<NodeEvent>();
        ImportNode node = start switch
        {
            Scalar scalar => new ScalarNode(Spot(scalar.Start), IsNull(scalar) ? null : scalar.Value),
            SequenceStart => new ListNode(Spot(start.Start), ReadItems(parser, anchors)),
            _ => new MapNode(Spot(start.Start), ReadEntries(parser, anchors)),
        };
        if (!start.Anchor.IsEmpty)
            anchors[start.Anchor.Value] = node;
        return node;
    }

    private static List<ImportNode> ReadItems(IParser parser, Dictionary<string, ImportNode> anchors)
    {
        var items = new List<ImportNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
            items.Add(ReadNode(parser, anchors));
        return items;
    }

    private static List<MapEntry> ReadEntries(IParser parser, Dictionary<string, ImportNode> anchors)
    {
        var entries = new List<MapEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            entries.Add(new MapEntry(key.Value, Spot(key.Start), ReadNode(parser, anchors)));
        }
        return entries;
    }

    // YAML's null: an empty or ~/null plain scalar; a quoted "null" is the text.
    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static SourceSpot Spot(Mark mark) => new((int)mark.Line, (int)mark.Column);

    // YamlDotNet puts "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " before its message; the error has its own location.
    [GeneratedRegex(@"^\(Line: [^)]*\) - \(Line: [^)]*\): ")]
    private static partial Regex MarkPrefix();
}
