using Playout.Devices;
using Playout.Devices.Redundancy;

namespace Playout.Server.Hosting;

/// <summary>A main/reserve pair of transmitters (devices that take <c>rf state=on|off</c>) and its changeover policy (docs/DEVICES.md, "Main/reserve transmitters").</summary>
public sealed record TransmitterPairConfig
{
    public required string Name { get; init; }
    public string Main { get; init; } = "";
    public string Reserve { get; init; } = "";
    public double HoldOffSeconds { get; init; } = 2;
    public double CommsLossSeconds { get; init; } = 5;
    public bool Restore { get; init; }
    public double RestoreSeconds { get; init; } = 60;

    /// <summary>The channel (1..) whose programme the pair transmits: inside its SCTE-35 breaks a changeover that is not critical waits; 0: none.</summary>
    public int Channel { get; init; }

    public TransmitterPairPolicy Policy => new()
    {
        HoldOff = TimeSpan.FromSeconds(HoldOffSeconds), CommsLoss = TimeSpan.FromSeconds(CommsLossSeconds),
        Restore = Restore, RestoreAfter = TimeSpan.FromSeconds(RestoreSeconds),
    };

    /// <summary>Whether a device's commands have the one a pair sends: <c>rf</c> with <c>state</c> on or off.</summary>
    private static bool SwitchesRf(IReadOnlyList<DeviceCommandSpec>? commands) =>
        commands?.FirstOrDefault(c => c.Name == "rf")?.Parameters.FirstOrDefault(p => p.Name == "state")?.Values is { } values
        && values.Contains("on") && values.Contains("off");

    internal void Validate(string where, ServiceConfig service, ConfigProblems problems)
    {
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add($"{where}.name", "missing");
        else if (service.Devices.Any(d => d.Name == Name))
            problems.Add($"{where}.name", $"'{Name}' is also a device's name: schedules send to either by name");
        foreach (var (field, device) in new[] { ("main", Main), ("reserve", Reserve) })
        {
            if (string.IsNullOrWhiteSpace(device))
                problems.Add($"{where}.{field}", "missing: the name of a transmitter device");
            else if (service.Devices.FirstOrDefault(d => d.Name == device) is not { } found)
                problems.Add($"{where}.{field}", $"no device named '{device}' is configured");
            else if (found.Commands(service) is (true, var commands) && !SwitchesRf(commands))
                problems.Add($"{where}.{field}", $"'{device}' is a {found.Driver} device that takes no rf command with state on|off: a pair switches its transmitters' RF");
        }
        if (Main == Reserve && Main.Length > 0)
            problems.Add($"{where}.reserve", $"'{Reserve}' is also the main transmitter");
        if (Channel != 0 && (Channel < 1 || Channel > service.Channels.Count))
            problems.Add($"{where}.channel", $"there is no channel {Channel} (channels are 1..{service.Channels.Count})");
        else if (Channel != 0 && service.Channels[Channel - 1].Automation is null)
            problems.Add($"{where}.channel", $"channel {Channel} is not run from a schedule, so it has no breaks to wait for");
        foreach (var (field, seconds, min) in new[] { ("holdOffSeconds", HoldOffSeconds, 0.0), ("commsLossSeconds", CommsLossSeconds, 0.5), ("restoreSeconds", RestoreSeconds, 1.0) })
        {
            if (!(seconds >= min && seconds <= 3600))
                problems.Add($"{where}.{field}", $"{seconds} is out of range ({min} to 3600 s)");
        }
    }
}
