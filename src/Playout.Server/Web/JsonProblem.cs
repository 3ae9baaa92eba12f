using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playout.Server.Web;

/// <summary>
/// A request body that is not the JSON an endpoint takes, said in plain words: where (line, position, field) and what is
/// wrong, without System.Text.Json's wording of .NET types.
/// </summary>
public static partial class JsonProblem
{
    public static string Describe(JsonException error, string what)
    {
        var where = new List<string>();
        if (error.LineNumber is { } line)
            where.Add($"line {line + 1}");
        if (error.BytePositionInLine is { } position)
            where.Add($"position {position + 1}");
        if (error.Path is { Length: > 1 } path)
            where.Add($"field '{path.TrimStart('$').TrimStart('.')}'");
        string reason = Reason(error.Message);
        return where.Count == 0 ? $"{what}: {reason}" : $"{what}: {string.Join(", ", where)}: {reason}";
    }

    private static string Reason(string message)
    {
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return "expected " + Expected(converted.Groups["type"].Value);
        if (MissingRequired().Match(message) is { Success: true } missing)
            return "missing required field(s) " + missing.Groups["names"].Value;
        if (Unmapped().Match(message) is { Success: true } unmapped)
            return $"there is no field '{unmapped.Groups["name"].Value}'";
        string first = FirstSentences().Match(message).Groups["text"].Value.Trim();
        return first.Length == 0 || DotNetName().IsMatch(first) ? "the value does not fit here" : first;
    }

    /// <summary>What a field of type <paramref name="typeName"/> (a .NET full name) takes, in a reader's words.</summary>
    private static string Expected(string typeName)
    {
        var nullable = NullableOf().Match(typeName);
        string name = nullable.Success ? nullable.Groups["inner"].Value : typeName;
        if (AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null) is { IsEnum: true } enumType)
            return "one of " + string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
        return name switch
        {
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration or time of day (HH:MM:SS)",
            "System.DateOnly" => "a day (YYYY-MM-DD)",
            "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" or "System.Single" => "a number",
            _ when name.Contains("IReadOnlyList", StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal) => "a list",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.? Path:")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.( Path:|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"^(?<text>.*?)(\s*(Path:|LineNumber:)|$)", RegexOptions.Singleline)]
    private static partial Regex FirstSentences();

    [GeneratedRegex(@"\b(System|Playout|Microsoft)\.\w|`\d|\.NET")]
    private static partial Regex DotNetName();
}
