using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Playout.Automation.Imports;

/// <summary>Reads YAML into the import tree with YamlDotNet's parser events, which carry each node's line and column.</summary>
internal sealed partial class YamlTreeReader
{
    /// <summary>Deeper than any schedule needs; the tree is read recursively, so the bound keeps a hostile file off the stack's end.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes the tree may hold with every alias counted as the copy it stands for: an alias of an alias of … would otherwise blow a short file up into billions of events.</summary>
    public const long MaxNodes = 1_000_000;

    private readonly IParser _parser;
    private readonly Dictionary<string, (ImportNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _nodes;

    private YamlTreeReader(IParser parser) => _parser = parser;

    /// <summary>The file's one document, or null after reporting why it is not well-formed YAML.</summary>
    public static ImportNode? Read(string text, ImportProblems problems)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                problems.Error(SourceSpot.WholeFile, "the file is empty");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = new YamlTreeReader(parser).ReadNode(0);
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
        catch (Exception e) when (new StackTrace(e).GetFrames().Any(f => f.GetMethod()?.Module.Assembly == typeof(Parser).Assembly))
        {
            // YamlDotNet fails on some malformed input with other exceptions than YamlException (a state error for an
            // unclosed "{" followed by "- id: [", a range error for the escape "\ud800"); where it stopped is still
            // where the file goes wrong.
            problems.Error(Spot(scanner.CurrentPosition), "not valid YAML: the parser cannot go on from here (a bracket or brace left open before it?)");
            return null;
        }
    }

    private ImportNode ReadNode(int depth)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} names no anchor before it");
            Count(target.Size, alias.Start, alias.End);
            return target.Node;
        }
        var start = _parser.Consume<NodeEvent>();
        if (depth > MaxDepth)
            throw new YamlException(start.Start, start.End, $"nested more than {MaxDepth} levels deep");
        long before = _nodes;
        Count(1, start.Start, start.End);
        ImportNode node = start switch
        {
            Scalar scalar => new ScalarNode(Spot(scalar.Start), IsNull(scalar) ? null : scalar.Value),
            SequenceStart => new ListNode(Spot(start.Start), ReadItems(depth + 1)),
            _ => new MapNode(Spot(start.Start), ReadEntries(depth + 1)),
        };
        if (!start.Anchor.IsEmpty)
            _anchors[start.Anchor.Value] = (node, _nodes - before);
        return node;
    }

    private void Count(long nodes, Mark start, Mark end)
    {
        _nodes += nodes;
        if (_nodes > MaxNodes)
            throw new YamlException(start, end, $"more than {MaxNodes} values (counting what each alias repeats)");
    }

    private List<ImportNode> ReadItems(int depth)
    {
        var items = new List<ImportNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
            items.Add(ReadNode(depth));
        return items;
    }

    private List<MapEntry> ReadEntries(int depth)
    {
        var entries = new List<MapEntry>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = _parser.Consume<Scalar>();
            entries.Add(new MapEntry(key.Value, Spot(key.Start), ReadNode(depth)));
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
