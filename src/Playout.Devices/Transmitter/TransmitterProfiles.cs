using System.Text.Json;
using System.Text.Json.Serialization;
using Playout.Snmp.Data;

namespace Playout.Devices.Transmitter;

/// <summary>Reads transmitter profiles; every problem is an <see cref="ArgumentException"/> saying "FILE, line L: field: why".</summary>
public static class TransmitterProfiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new OidJson() },
    };

    public static TransmitterProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{path}: cannot read the profile: {error.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>The profile in <paramref name="json"/>; <paramref name="file"/> names it in errors.</summary>
    public static TransmitterProfile Parse(string json, string file)
    {
        TransmitterProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<TransmitterProfile>(json, Json);
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"{file}, line {(error.LineNumber ?? 0) + 1}: {Field(error.Path)}: {Why(error)}");
        }
        if (profile is null)
            throw new ArgumentException($"{file}, line 1: the profile is null");
        if (Problem(profile) is { } problem)
            throw new ArgumentException($"{file}, line {LineOf(json, problem.Anchor)}: {problem.Field}: {problem.Why}");
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

    /// <summary>The first problem that spans fields (duplicates, a range upside down, a command naming no state), with a name to find its line by.</summary>
    private static (string Field, string Why, string Anchor)? Problem(TransmitterProfile profile)
    {
        string[] measured = [.. profile.Measurements.Select(m => m.Name)];
        string[] states = [.. profile.States.Select(s => s.Name)];
        foreach (var (kind, names) in new[] { ("measurements", measured), ("states", states), ("commands", profile.Commands.Select(c => c.Name).ToArray()), ("alarms", profile.Alarms.Select(a => a.Name).ToArray()) })
            if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return (kind, $"'{twice.Key}' is named twice", twice.Key);
        foreach (var scale in profile.Measurements.Select(m => (m.Name, m.Scale)).Concat(profile.States.Select(s => (s.Name, s.Scale))).Concat(profile.Commands.Select(c => (c.Name, c.Scale))))
            if (!(scale.Scale > 0) || !double.IsFinite(scale.Scale))
                return (scale.Name, $"scale {scale.Scale} is not a positive number", scale.Name);
        foreach (var command in profile.Commands)
        {
            bool numeric = command.Min is not null || command.Max is not null;
            if (numeric && command.Values is not null)
                return (command.Name, "a command takes either values or a range (min, max), not both", command.Name);
            if (numeric && (command.Min is null || command.Max is null || command.Min > command.Max))
                return (command.Name, $"range {command.Min} to {command.Max} needs both ends, min at most max", command.Name);
            if ((numeric || command.Values is not null) != (command.Parameter is not null))
                return (command.Name, "a parameter goes with values or a range, and only then", command.Name);
            if (command.Values is { Count: 0 })
                return (command.Name, "values is empty", command.Name);
            if (command.Setting is { } setting && !states.Contains(setting))
                return (command.Name, $"setting '{setting}' is not one of the states ({string.Join(", ", states)})", command.Name);
        }
        foreach (var state in profile.States)
            if (state.Values?.Keys.FirstOrDefault(k => !int.TryParse(k, out _)) is { } key)
                return (state.Name, $"value key '{key}' is not an integer", state.Name);
        foreach (var alarm in profile.Alarms)
        {
            if ((alarm.Active.Count > 0) == (alarm.Bit is not null))
                return (alarm.Name, "an alarm takes either active values or a bit, one of them", alarm.Name);
            if (alarm.Bit is < 0 or > 31)
                return (alarm.Name, $"bit {alarm.Bit} is not from 0 to 31", alarm.Name);
        }
        return null;
    }

    /// <summary>The line of the first <c>"name": "ANCHOR"</c> in the text (1 when not found).</summary>
    private static int LineOf(string json, string anchor)
    {
        int at = json.IndexOf($"\"{anchor}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : json.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>The OIDs a poll reads: every measurement, state and alarm object, each once.</summary>
    internal static IReadOnlyList<Oid> Polled(TransmitterProfile profile) =>
        [.. profile.Measurements.Select(m => m.Oid).Concat(profile.States.Select(s => s.Oid)).Concat(profile.Alarms.Select(a => a.Oid)).Distinct()];
}
