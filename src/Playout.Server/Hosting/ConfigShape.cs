using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Server.Hosting;

/// <summary>
/// Checks a configuration file's JSON against the shape of the records it is read into, before they are built: every
/// unknown or missing field and every value of the wrong kind is reported in plain words ("a whole number", "true or
/// false", "one of …") with its line, all in one pass; and where each value starts is recorded for later checks.
/// </summary>
internal static class ConfigShape
{

    /// <summary>Reports what is wrong; a file that is not JSON at all gets that one problem (nothing else can be checked).</summary>
    public static void Check(string json, Type root, ConfigProblems problems)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var lines = new LineStarts(utf8);
        try
        {
            reader.Read();
            Value(ref reader, root, nullable: false, "", lines, problems);
            reader.Read();
        }
        catch (JsonException e)
        {
            problems.Add("", $"not valid JSON: {FirstSentence(e.Message)}", (int?)e.LineNumber + 1);
        }
        catch (InvalidOperationException)
        {
            // GetString's one failure on text the reader accepted: a \u escape that is half a surrogate pair.
            problems.Add("", "not valid JSON: a string holds a \\u escape that is half of a surrogate pair", lines.Of(reader.TokenStartIndex));
        }
    }

    /// <param name="nullable">Whether null may stand for the value (a field declared nullable); list items never are.</param>
    private static void Value(ref Utf8JsonReader reader, Type type, bool nullable, string path, LineStarts lines, ConfigProblems problems)
    {
        problems.Locate(path, lines.Of(reader.TokenStartIndex));
        var underlying = Nullable.GetUnderlyingType(type);
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!nullable && underlying is null)
                problems.Add(path, $"expected {Expected(type)}, found null");
            return;
        }
        type = underlying ?? type;
        if (type == typeof(string))
            Scalar(ref reader, path, problems, reader.TokenType == JsonTokenType.String, "text");
        else if (type == typeof(bool))
            Scalar(ref reader, path, problems, reader.TokenType is JsonTokenType.True or JsonTokenType.False, "true or false");
        else if (type == typeof(int))
            Scalar(ref reader, path, problems, reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _), $"a whole number from {int.MinValue} to {int.MaxValue}");
        else if (type == typeof(long))
            Scalar(ref reader, path, problems, reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _), "a whole number");
        else if (type == typeof(double))
            Scalar(ref reader, path, problems, reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double d) && double.IsFinite(d), "a number");
        else if (type.IsEnum)
            Scalar(ref reader, path, problems, reader.TokenType == JsonTokenType.String && Names(type).Contains(reader.GetString()!, StringComparer.OrdinalIgnoreCase), Expected(type));
        else if (ItemType(type, typeof(IReadOnlyDictionary<,>)) is { } valueType)
            Map(ref reader, valueType, path, lines, problems);
        else if (ItemType(type, typeof(IReadOnlyList<>)) is { } itemType)
            List(ref reader, itemType, path, lines, problems);
        else if (type.IsClass)
            Record(ref reader, type, path, lines, problems);
        else
            reader.Skip(); // a kind of value this check does not know (a TimeSpan, say): the serializer judges it
    }

    private static void Scalar(ref Utf8JsonReader reader, string path, ConfigProblems problems, bool ok, string expected)
    {
        if (!ok)
            problems.Add(path, $"expected {expected}, found {Found(ref reader)}");
        reader.Skip();
    }

    private static void Record(ref Utf8JsonReader reader, Type type, string path, LineStarts lines, ConfigProblems problems)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add(path, $"expected an object {{ … }}, found {Found(ref reader)}");
            reader.Skip();
            return;
        }
        var fields = Fields(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            string at = path.Length == 0 ? name : $"{path}.{name}";
            problems.Locate(at, lines.Of(reader.TokenStartIndex));
            reader.Read();
            if (!fields.TryGetValue(name, out var field))
            {
                problems.Add(at, $"unknown field; expected one of {string.Join(", ", fields.Keys)}");
                reader.Skip();
                continue;
            }
            if (!seen.Add(name))
                problems.Add(at, "given twice");
            Value(ref reader, field.PropertyType, new NullabilityInfoContext().Create(field).WriteState == NullabilityState.Nullable, at, lines, problems);
        }
        foreach (var (name, field) in fields)
        {
            if (field.GetCustomAttribute<RequiredMemberAttribute>() is not null && !seen.Contains(name))
                problems.Add(path.Length == 0 ? name : $"{path}.{name}", "missing");
        }
    }

    private static void List(ref Utf8JsonReader reader, Type item, string path, LineStarts lines, ConfigProblems problems)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Add(path, $"expected a list [ … ], found {Found(ref reader)}");
            reader.Skip();
            return;
        }
        for (int i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            Value(ref reader, item, nullable: false, $"{path}[{i}]", lines, problems);
    }

    private static void Map(ref Utf8JsonReader reader, Type value, string path, LineStarts lines, ConfigProblems problems)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add(path, $"expected an object {{ \"name\": value, … }}, found {Found(ref reader)}");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string at = $"{path}.{reader.GetString()}";
            reader.Read();
            Value(ref reader, value, nullable: false, at, lines, problems);
        }
    }

    /// <summary>The fields JSON may set, by their camelCase names: settable properties not marked JsonIgnore.</summary>
    private static Dictionary<string, PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.IsPublic == true && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);

    private static Type? ItemType(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[^1] : null;

    private static IEnumerable<string> Names(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName);

    private static string Expected(Type type) =>
        type.IsEnum ? $"one of {string.Join(", ", Names(type).Select(n => $"\"{n}\""))}"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "text"
        : type == typeof(double) ? "a number"
        : type.IsPrimitive ? "a whole number"
        : ItemType(type, typeof(IReadOnlyList<>)) is not null ? "a list [ … ]"
        : type.IsClass ? "an object { … }"
        : "a value";

    private static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{Shortened(reader.GetString()!)}\"",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => "null",
    };

    private static string Shortened(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>System.Text.Json's reader message without its "LineNumber: … | BytePositionInLine: …" tail (the line is reported already).</summary>
    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd(' ', '.', '|');
    }

    /// <summary>Byte offset → 1-based line.</summary>
    private sealed class LineStarts
    {
        private readonly List<int> _starts = [0];

        public LineStarts(byte[] utf8)
        {
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == '\n')
                    _starts.Add(i + 1);
            }
        }

        public int Of(long offset)
        {
            int index = _starts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
