using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playout.Automation.Imports;

/// <summary>
/// Reads JSON into the import tree with <see cref="Utf8JsonReader"/>, mapping each token's byte offset back to a line
/// and column. Comments and trailing commas are allowed: schedule files are written by hand too.
/// </summary>
internal static partial class JsonTreeReader
{
    /// <summary>The file's one value, or null after reporting why it is not well-formed JSON.</summary>
    public static ImportNode? Read(string text, ImportProblems problems)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lines);
            // Anything after the root value is an error the reader raises here.
            reader.Read();
            return root;
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is long line ? new SourceSpot((int)line + 1, (int?)e.BytePositionInLine + 1) : SourceSpot.WholeFile;
            problems.Error(at, $"not valid JSON: {PositionSuffix().Replace(e.Message, "")}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString's one failure on a string the reader accepted: an escape that is half a surrogate pair ("\ud800").
            problems.Error(lines.Spot(reader.TokenStartIndex), "not valid JSON: a string holds a \\u escape that is half of a surrogate pair");
            return null;
        }
    }

    private static ImportNode ReadValue(ref Utf8JsonReader reader, LineMap lines)
    {
        var at = lines.Spot(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<MapEntry>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = reader.GetString()!;
                    var keyAt = lines.Spot(reader.TokenStartIndex);
                    reader.Read();
                    entries.Add(new MapEntry(key, keyAt, ReadValue(ref reader, lines)));
                }
                return new MapNode(at, entries);
            case JsonTokenType.StartArray:
                var items = new List<ImportNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines));
                return new ListNode(at, items);
            case JsonTokenType.String:
                return new ScalarNode(at, reader.GetString());
            case JsonTokenType.Null:
                return new ScalarNode(at, null);
            default:
                // Numbers and booleans keep their written form; the mapper reads them like YAML's plain scalars.
                return new ScalarNode(at, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    // The exception's own text ends with "LineNumber: 2 | BytePositionInLine: 7."; the error carries the position itself.
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex PositionSuffix();

    /// <summary>Byte offset → 1-based line and column (in characters).</summary>
    private sealed class LineMap
    {
        private readonly byte[] _utf8;
        private readonly List<int> _starts = [0];

        public LineMap(byte[] utf8)
        {
            _utf8 = utf8;
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == '\n')
                    _starts.Add(i + 1);
            }
        }

        public SourceSpot Spot(long offset)
        {
            int index = _starts.BinarySearch((int)offset);
            int line = index >= 0 ? index : ~index - 1;
            int column = Encoding.UTF8.GetCharCount(_utf8, _starts[line], (int)offset - _starts[line]) + 1;
            return new SourceSpot(line + 1, column);
        }
    }
}
