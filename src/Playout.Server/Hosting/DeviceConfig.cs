namespace Playout.Server.Hosting;

/// <summary>A device that schedules may send commands to. Only the "log" driver exists yet (it writes each command to the service log).</summary>
public sealed record DeviceConfig
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "log";

    internal void Validate(string where, ConfigProblems problems)
    {
        if (Driver != "log")
            problems.Add($"{where}.driver", $"unknown device driver '{Driver}' (available: log)");
    }
}
