using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Devices.Profiles;

/// <summary>
/// Reads a device profile (a JSON file: comments and trailing commas allowed, an unknown field an error); every problem
/// is an <see cref="ArgumentException"/> saying "FILE, line L: field: why". Shared by the SNMP and serial profiles.
/// </summary>
internal static class ProfileJson
{
    public static JsonSerializerOptions Options(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        foreach (var converter in converters)
            options.Converters.Add(converter);
        return options;
    }

    /// <summary>The text of the profile file at <paramref name="path"/>.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{path}: cannot read the profile: {error.Message}");
        }
    }

    /// <summary>
    /// The profile in <paramref name="json"/>, checked by <paramref name="problem"/> (the first rule that spans fields
    /// it breaks, with a name to find its line by); <paramref name="file"/> names it in errors.
    /// </summary>
    public static T Parse<T>(string json, string file, JsonSerializerOptions options, Func<T, ProfileProblem?> problem) where T : class
    {
        T? profile;
        try
        {
            profile = JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"{file}, line {(error.LineNumber ?? 0) + 1}: {Field(error.Path)}: {Why(error)}");
        }
        if (profile is null)
            throw new ArgumentException($"{file}, line 1: the profile is null");
        if ((ProfileNulls.Find(profile) ?? problem(profile)) is { } found)
            throw new ArgumentException($"{file}, line {LineOf(json, found)}: {found.Field}: {found.Why}");
        return profile;
    }

    private static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "(profile)" : path.TrimStart('$', '.');

    private static string Why(JsonException error)
    {
        if (error.InnerException is ProfileFieldException field)
            return field.Message;
        // The serializer's own messages end with where it was; the location is said once, in front.
        string message = error.Message;
        int at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    /// <summary>
    /// The line of the first <c>"ANCHOR"</c> after the first <c>"AFTER"</c> (the list it is in), else of the anchor's bare
    /// text (a regular expression's group); 1 when not found.
    /// </summary>
    private static int LineOf(string json, ProfileProblem problem)
    {
        int from = problem.After is { } after ? Math.Max(0, json.IndexOf($"\"{after}\"", StringComparison.Ordinal)) : 0;
        int at = json.IndexOf($"\"{problem.Anchor}\"", from, StringComparison.Ordinal);
        if (at < 0)
            at = json.IndexOf(problem.Anchor, from, StringComparison.Ordinal);
        return at < 0 ? 1 : json.AsSpan(0, at).Count('\n') + 1;
    }
}

/// <summary>A rule a profile breaks that spans fields: the field, why, and a name whose first quoting (in the list <paramref name="After"/> names) gives the line.</summary>
internal sealed record ProfileProblem(string Field, string Why, string Anchor, string? After = null);

/// <summary>Why a profile field is wrong (thrown by a converter); the loader adds the file, line and field.</summary>
internal sealed class ProfileFieldException(string why) : JsonException(why);
