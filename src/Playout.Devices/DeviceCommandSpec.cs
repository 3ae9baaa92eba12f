namespace Playout.Devices;

/// <summary>A command a device takes, with its arguments: what schedules, REST and the panel are checked against before it is sent.</summary>
public sealed record DeviceCommandSpec(string Name, string Description, IReadOnlyList<DeviceParameterSpec> Parameters)
{
    /// <summary>Every problem with <paramref name="arguments"/> for this command (unknown, missing, out of range); empty when none.</summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> arguments)
    {
        var problems = new List<string>();
        foreach (var name in arguments.Keys.Where(k => Parameters.All(p => p.Name != k)))
            problems.Add($"{name}: no such argument of {Name} (it takes {(Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Select(p => p.Name)))})");
        foreach (var parameter in Parameters)
        {
            if (!arguments.TryGetValue(parameter.Name, out string? value))
            {
                if (parameter.Required)
                    problems.Add($"{parameter.Name}: missing ({Name} needs it)");
            }
            else if (parameter.Check(value) is { } problem)
                problems.Add(problem);
        }
        return problems;
    }
}
