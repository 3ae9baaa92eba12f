using System.Text.Json;
using Playout.Devices.Profiles;
using Playout.Snmp.Data;

namespace Playout.Devices.Transmitter;

/// <summary>Reads transmitter profiles; every problem is an <see cref="ArgumentException"/> saying "FILE, line L: field: why".</summary>
public static class TransmitterProfiles
{
    private static readonly JsonSerializerOptions Json = ProfileJson.Options(new OidJson());

    public static TransmitterProfile Load(string path) => Parse(ProfileJson.Read(path), path);

    /// <summary>The profile in <paramref name="json"/>; <paramref name="file"/> names it in errors.</summary>
    public static TransmitterProfile Parse(string json, string file) => ProfileJson.Parse<TransmitterProfile>(json, file, Json, Problem);

    /// <summary>The first problem that spans fields (duplicates, a range upside down, a command naming no state), with a name to find its line by.</summary>
    private static ProfileProblem? Problem(TransmitterProfile profile)
    {
        string[] states = [.. profile.States.Select(s => s.Name)];
        if (ProfileRules.Names(("measurements", profile.Measurements.Select(m => m.Name)), ("states", states),
                ("commands", profile.Commands.Select(c => c.Name)), ("alarms", profile.Alarms.Select(a => a.Name))) is { } twice)
            return twice;
        if (ProfileRules.Scales(profile.Measurements.Select(m => (m.Name, m.Scale)).Concat(profile.States.Select(s => (s.Name, s.Scale))).Concat(profile.Commands.Select(c => (c.Name, c.Scale)))) is { } scale)
            return scale;
        foreach (var c in profile.Commands)
            if (ProfileRules.Command(c.Name, c.Values?.Count, c.Min, c.Max, c.Parameter, c.Setting, states) is { } command)
                return command;
        foreach (var state in profile.States)
            if (state.Values?.Keys.FirstOrDefault(k => !int.TryParse(k, out _)) is { } key)
                return new ProfileProblem(state.Name, $"value key '{key}' is not an integer", state.Name);
        foreach (var alarm in profile.Alarms)
        {
            if ((alarm.Active.Count > 0) == (alarm.Bit is not null))
                return new ProfileProblem(alarm.Name, "an alarm takes either active values or a bit, one of them", alarm.Name, "alarms");
            if (alarm.Bit is < 0 or > 31)
                return new ProfileProblem(alarm.Name, $"bit {alarm.Bit} is not from 0 to 31", alarm.Name, "alarms");
        }
        return null;
    }

    /// <summary>The OIDs a poll reads: every measurement, state and alarm object, each once.</summary>
    internal static IReadOnlyList<Oid> Polled(TransmitterProfile profile) =>
        [.. profile.Measurements.Select(m => m.Oid).Concat(profile.States.Select(s => s.Oid)).Concat(profile.Alarms.Select(a => a.Oid)).Distinct()];
}
