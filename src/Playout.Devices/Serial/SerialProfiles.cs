using System.Text.Json;
using System.Text.RegularExpressions;
using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>Reads serial device profiles; every problem is an <see cref="ArgumentException"/> saying "FILE, line L: field: why".</summary>
public static class SerialProfiles
{
    /// <summary>How long one reply pattern may take over one line before it counts as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly JsonSerializerOptions Json = ProfileJson.Options(new RegexJson(), new TemplateJson(), new ParityJson());
    private static readonly string[] Terminators = ["\r", "\n", "\r\n"];

    public static SerialProfile Load(string path) => Parse(ProfileJson.Read(path), path);

    /// <summary>The profile in <paramref name="json"/>; <paramref name="file"/> names it in errors.</summary>
    public static SerialProfile Parse(string json, string file) => ProfileJson.Parse<SerialProfile>(json, file, Json, Problem);

    /// <summary>The named groups of <paramref name="pattern"/> (not the numbered ones).</summary>
    internal static IEnumerable<string> Groups(Regex pattern) => pattern.GetGroupNames().Where(g => !int.TryParse(g, out _));

    private static ProfileProblem? Problem(SerialProfile profile) =>
        Line(profile.Line) ?? Names(profile) ?? Groups(profile) ?? Commands(profile)
        // Only an unanswered poll finds a silent line: without one the link would show connected to nothing.
        ?? (profile.Polls.Count == 0 ? new ProfileProblem("polls", "lists no query (a poll finds a silent line)", "polls") : null);

    private static ProfileProblem? Line(SerialLineDefaults line)
    {
        if (line.Baud is < 300 or > 921_600)
            return new ProfileProblem("line.baud", $"{line.Baud} is not a baud rate (300 to 921600)", "baud");
        if (line.DataBits is < 5 or > 8)
            return new ProfileProblem("line.dataBits", $"{line.DataBits} is not 5 to 8", "dataBits");
        if (line.StopBits is not (1 or 1.5 or 2))
            return new ProfileProblem("line.stopBits", $"{line.StopBits} is not 1, 1.5 or 2", "stopBits");
        return Terminators.Contains(line.Terminator) ? null
            : new ProfileProblem("line.terminator", "is not \"\\r\", \"\\n\" or \"\\r\\n\"", "terminator");
    }

    private static ProfileProblem? Names(SerialProfile profile) =>
        ProfileRules.Names(("measurements", profile.Measurements.Select(m => m.Name)), ("states", profile.States.Select(s => s.Name)),
            ("commands", profile.Commands.Select(c => c.Name)), ("alarms", profile.Alarms.Select(a => a.Name)))
        ?? ProfileRules.Scales(profile.Measurements.Select(m => (m.Name, m.Scale)).Concat(profile.States.Select(s => (s.Name, s.Scale))).Concat(profile.Commands.Select(c => (c.Name, c.Scale))))
        ?? (profile.Alarms.FirstOrDefault(a => a.Active.Count == 0) is { } silent ? new ProfileProblem(silent.Name, "active lists no value", silent.Name, "alarms") : null);

    /// <summary>Each value read comes from one named group of a poll's reply, and each such group is read: a misspelt one is found here, not on the air.</summary>
    private static ProfileProblem? Groups(SerialProfile profile)
    {
        if (profile.Identity is { } identity && Groups(identity.Response).FirstOrDefault(g => g != "identity") is { } odd)
            return new ProfileProblem("identity.response", $"group '{odd}': the identity's reply has only the group 'identity'", "identity");
        var read = profile.Measurements.Select(m => (m.Name, Group: m.Group ?? m.Name, List: "measurements"))
            .Concat(profile.States.Select(s => (s.Name, Group: s.Group ?? s.Name, List: "states")))
            .Concat(profile.Alarms.Select(a => (a.Name, Group: a.Group ?? a.Name, List: "alarms"))).ToList();
        var groups = profile.Polls.SelectMany(p => Groups(p.Response)).ToList();
        if (groups.GroupBy(g => g).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return new ProfileProblem("polls", $"group '{twice.Key}' is in two replies", $"(?<{twice.Key}>");
        if (read.FirstOrDefault(r => !groups.Contains(r.Group)) is { Name: not null } missing)
            return new ProfileProblem(missing.Name, $"group '{missing.Group}' is in no poll's response", missing.Name, missing.List);
        return groups.FirstOrDefault(g => read.All(r => r.Group != g)) is { } unread
            ? new ProfileProblem("polls", $"group '{unread}' is no measurement's, state's or alarm's", $"(?<{unread}>") : null;
    }

    private static ProfileProblem? Commands(SerialProfile profile)
    {
        string[] states = [.. profile.States.Select(s => s.Name)];
        foreach (var c in profile.Commands)
        {
            if (c.Text is { } text)
            {
                if (TextCommand(c, text, states) is { } wrong)
                    return wrong;
                continue;
            }
            if (ProfileRules.Command(c.Name, c.Values?.Count, c.Min, c.Max, c.Parameter, c.Setting, states) is { } problem)
                return problem with { After = "commands" };
            string[] used = [.. c.Template.Placeholders.Distinct()];
            if (used.FirstOrDefault(p => p != c.Parameter) is { } stray)
                return new ProfileProblem(c.Name, $"template '{c.Template}': '{{{stray}}}' is not its parameter ({c.Parameter ?? "it takes none"})", c.Name, "commands");
            if (c.Parameter is { } parameter && used.Length == 0)
                return new ProfileProblem(c.Name, $"template '{c.Template}' does not send its parameter {{{parameter}}}", c.Name, "commands");
            if (c.Values is not null && c.Template.Formatted)
                return new ProfileProblem(c.Name, $"template '{c.Template}': a number format goes with a range, not with values", c.Name, "commands");
            // The argument becomes the setting's desired value: it must be a word the state reports, or it never settles.
            if (c.Values is not null && profile.States.FirstOrDefault(s => s.Name == c.Setting)?.Values is { } reported
                && c.Values.Keys.FirstOrDefault(w => !reported.Values.Contains(w)) is { } word)
                return new ProfileProblem(c.Name, $"'{word}' is not a word of state {c.Setting} ({string.Join(", ", reported.Values)})", c.Name, "commands");
        }
        return null;
    }

    /// <summary>A text command takes one parameter, sent as it is (no values, range or number format), of a sensible length.</summary>
    private static ProfileProblem? TextCommand(SerialCommand c, SerialText text, string[] states)
    {
        string? problem = c.Parameter is null ? "a text command needs its parameter"
            : c.Values is not null || c.Min is not null || c.Max is not null ? "a text command takes neither values nor a range"
            : c.Template.Placeholders.Distinct().ToArray() is not [var used] || used != c.Parameter ? $"template '{c.Template}' must send its parameter {{{c.Parameter}}} and nothing else"
            : c.Template.Formatted ? $"template '{c.Template}': text takes no number format"
            : text.Length is < 1 or > SerialText.Accepted ? $"text.length {text.Length} is not 1 to {SerialText.Accepted}"
            : !SerialText.Folds.Contains(text.Fold) ? $"text.fold '{text.Fold}' is not one of {string.Join(", ", SerialText.Folds)}"
            : c.Setting is { } setting && !states.Contains(setting) ? $"setting '{setting}' is not one of the states ({string.Join(", ", states)})"
            : null;
        return problem is null ? null : new ProfileProblem(c.Name, problem, c.Name, "commands");
    }
}
