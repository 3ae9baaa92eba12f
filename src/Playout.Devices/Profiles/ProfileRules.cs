namespace Playout.Devices.Profiles;

/// <summary>The checks every device profile shares: names not used twice, positive scales, and a command's argument rules.</summary>
internal static class ProfileRules
{
    /// <summary>The first name that is empty or used twice in one of <paramref name="lists"/> (kind, names).</summary>
    public static ProfileProblem? Names(params (string Kind, IEnumerable<string> Names)[] lists)
    {
        foreach (var (kind, names) in lists)
        {
            var all = names.ToList();
            if (all.FindIndex(n => n.Length == 0) is >= 0 and var empty)
                return new ProfileProblem($"{kind}[{empty}].name", "is empty", "", kind);
            if (all.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return new ProfileProblem(kind, $"'{twice.Key}' is named twice", twice.Key, kind);
        }
        return null;
    }

    /// <summary>The first scale that is not a positive number.</summary>
    public static ProfileProblem? Scales(IEnumerable<(string Name, double Scale)> scales) =>
        scales.FirstOrDefault(s => !(s.Scale > 0) || !double.IsFinite(s.Scale)) is { Name: not null } bad
            ? new ProfileProblem(bad.Name, $"scale {bad.Scale} is not a positive number", bad.Name) : null;

    /// <summary>
    /// What is wrong with a command's argument: it takes either words (<paramref name="values"/>, their count) or a range,
    /// not both; a range has both ends in order; a parameter goes with words or a range, and only then; its setting is a state.
    /// </summary>
    public static ProfileProblem? Command(string name, int? values, double? min, double? max, string? parameter, string? setting, IReadOnlyCollection<string> states)
    {
        bool numeric = min is not null || max is not null;
        if (numeric && values is not null)
            return new ProfileProblem(name, "a command takes either values or a range (min, max), not both", name);
        if (numeric && (min is null || max is null || min > max))
            return new ProfileProblem(name, $"range {min} to {max} needs both ends, min at most max", name);
        if ((numeric || values is not null) != (parameter is not null))
            return new ProfileProblem(name, "a parameter goes with values or a range, and only then", name);
        if (values is 0)
            return new ProfileProblem(name, "values is empty", name);
        if (setting is not null && !states.Contains(setting))
            return new ProfileProblem(name, $"setting '{setting}' is not one of the states ({string.Join(", ", states)})", name);
        return null;
    }

    /// <summary>The command's argument as the model checks it: one of the words, or a number in the range with its unit, or none.</summary>
    public static IReadOnlyList<DeviceParameterSpec> Parameters(string? parameter, IEnumerable<string>? words, double? min, double? max, string? unit) => parameter switch
    {
        null => [],
        _ when words is not null => [new DeviceParameterSpec(parameter, Values: [.. words])],
        _ => [new DeviceParameterSpec(parameter, Min: min, Max: max, Unit: unit)],
    };

    /// <summary>A reading in its unit, without the binary noise of the scaling (115 × 0.01 is 1.15, not 1.1500000000000001).</summary>
    public static double Scaled(double raw, double scale) => Math.Round(raw * scale, 6);
}
