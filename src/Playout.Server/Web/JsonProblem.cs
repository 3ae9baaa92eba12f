using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playout.Server.Web;

/// <summary>
/// A request body that is not the JSON an endpoint takes, said in plain words: where (line, position, field) and what is
/// wrong, without System.Text.Json's wording of .NET types.
/// </summary>
public static partial class JsonProblem
{
    /// <summary>Describes why a body could not be read as a <typeparamref name="T"/>: "WHAT: line L, position P, field 'F': REASON".</summary>
    public static string Describe<T>(JsonException error, string what)
    {
        var where = new List<string>();
        if (error.LineNumber is { } line)
            where.Add($"line {line + 1}");
        if (error.BytePositionInLine is { } position)
            where.Add($"position {position + 1}");
        if (error.Path is { Length: > 1 } path)
            where.Add($"field '{path.TrimStart('$').TrimStart('.')}'");
        string reason = Reason(error, typeof(T));
        return where.Count == 0 ? $"{what}: {reason}" : $"{what}: {string.Join(", ", where)}: {reason}";
    }

    private static string Reason(JsonException error, Type root)
    {
        // The type .NET names is that of the object being built, not of the field: the field's own comes from the path.
        if (error.Message.Contains("could not be converted to", StringComparison.Ordinal))
            return "expected " + Expected(FieldType(root, error.Path ?? "$"));
        if (Unmapped().Match(error.Message) is { Success: true } unmapped)
            return $"there is no field '{unmapped.Groups["name"].Value}'";
        string first = FirstSentences().Match(error.Message).Groups["text"].Value.Trim();
        return first.Length == 0 || DotNetName().IsMatch(first) ? "the value does not fit here" : first;
    }

    /// <summary>The type of the field a JSON path ($.children[0].duration) names in <paramref name="root"/>; null when it names none.</summary>
    private static Type? FieldType(Type root, string path)
    {
        Type? type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
                return null;
            type = step.Groups["name"].Success
                ? type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType
                : ElementType(type);
        }
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Type? ElementType(Type list) =>
        list.IsArray ? list.GetElementType()
            : list.GetInterfaces().Append(list).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>What a field of <paramref name="type"/> takes, in a reader's words.</summary>
    private static string Expected(Type? type) => type switch
    {
        null => "another kind of value",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)),
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration or time of day (HH:MM:SS)",
        _ when type == typeof(DateOnly) => "a day (YYYY-MM-DD)",
        _ when type.IsPrimitive || type == typeof(decimal) => "a number",
        _ when ElementType(type) is not null => "a list",
        _ => "an object",
    };

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"^(?<text>.*?)(\s*(Path:|LineNumber:)|$)", RegexOptions.Singleline)]
    private static partial Regex FirstSentences();

    [GeneratedRegex(@"\b(System|Playout|Microsoft)\.\w|`\d|\.NET")]
    private static partial Regex DotNetName();
}
