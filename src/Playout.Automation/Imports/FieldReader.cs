using System.Globalization;
using System.Text.RegularExpressions;

namespace Playout.Automation.Imports;

/// <summary>
/// Typed access to one mapping of the import tree. A field that does not parse is reported (with its location, the
/// event and the field) and read as absent, so one pass finds every problem of a file.
/// </summary>
internal sealed partial class FieldReader(MapNode map, IReadOnlyList<string> known, ImportProblems problems)
{
    private readonly Dictionary<string, MapEntry> _entries = First(map);

    /// <summary>The event the mapping belongs to, named in every error once known.</summary>
    public string? EventId { get; set; }

    public SourceSpot At => map.At;

    /// <summary>Reports keys the schema does not know (a typo must not pass silently) and keys given twice.</summary>
    public void CheckKeys()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!known.Contains(entry.Key))
                problems.Error(entry.KeyAt, $"unknown key; expected one of {string.Join(", ", known)}", EventId, entry.Label);
            else if (!seen.Add(entry.Key))
                problems.Error(entry.KeyAt, $"given twice (first on line {_entries[entry.Key].KeyAt.Line})", EventId, entry.Label);
        }
    }

    /// <summary>Reports the key absent, or written as null (which every reader takes as absent: the event or day would be dropped unsaid).</summary>
    public void Require(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            problems.Error(At, "missing", EventId, key);
        else if (entry.Value is ScalarNode { Text: null })
            Error(entry, "null; it needs a value");
    }

    public string? Text(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.Value is ScalarNode scalar)
            return scalar.Text;
        Error(entry, $"expected a value, found {entry.Value.What}");
        return null;
    }

    /// <summary>The field parsed by <paramref name="parse"/> (which returns the value or why the text is not one); null when absent or wrong.</summary>
    public T? Value<T>(string key, Func<string, (T Value, string? Error)> parse) where T : struct
    {
        if (Text(key) is not string text)
            return null;
        var (value, error) = parse(text);
        if (error is null)
            return value;
        Error(_entries[key], error);
        return null;
    }

    public bool? Bool(string key) => Value(key, text => text.Trim().ToLowerInvariant() switch
    {
        "true" => (true, null),
        "false" => (false, null),
        _ => (false, $"\"{text}\" is not true or false"),
    });

    public long? Integer(string key, long min, long max) => Value(key, text =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
            ? (value, null)
            : (0L, $"\"{text}\" is not a whole number from {min} to {max}"));

    public double? Number(string key) => Value(key, text =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? (value, null)
            : (0.0, $"\"{text}\" is not a number"));

    /// <summary>An enum written in any case, with or without dashes: "logo-on", "LogoOn" and "logo_on" are the same.</summary>
    public T? Enum<T>(string key) where T : struct, Enum => Value(key, text =>
    {
        var wanted = Squash(text);
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (Squash(value.ToString()) == wanted)
                return (value, null);
        }
        return (default(T), $"\"{text}\" is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Kebab(v.ToString())))}");
    });

    public IReadOnlyList<ImportNode>? List(string key) => Node<ListNode>(key, "a list")?.Items;

    public MapNode? Map(string key) => Node<MapNode>(key, "a mapping");

    private T? Node<T>(string key, string what) where T : ImportNode
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Value is ScalarNode { Text: null })
            return null;
        if (entry.Value is T node)
            return node;
        Error(entry, $"expected {what}, found {entry.Value.What}");
        return null;
    }

    private void Error(MapEntry entry, string message) => problems.Error(entry.Value.At, message, EventId, entry.Label);

    // A key given twice reads as its first value; CheckKeys reports the second.
    private static Dictionary<string, MapEntry> First(MapNode map)
    {
        var entries = new Dictionary<string, MapEntry>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
            entries.TryAdd(entry.Key, entry);
        return entries;
    }

    private static string Squash(string name) => name.Replace("-", "").Replace("_", "").Replace(" ", "").ToLowerInvariant();

    private static string Kebab(string name) => KebabBoundary().Replace(name, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();
}
