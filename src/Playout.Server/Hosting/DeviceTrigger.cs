namespace Playout.Server.Hosting;

/// <summary>
/// A GPI input that acts on a channel's automation (docs/DEVICES.md): when input <see cref="Input"/> of the device closes
/// (or opens, by <see cref="Edge"/>), <see cref="Action"/> is done on channel <see cref="Channel"/> as an operator named
/// "gpi DEVICE input N" would.
/// </summary>
public sealed record DeviceTrigger
{
    public static readonly IReadOnlyList<string> Actions = ["take", "hold", "release", "skip", "break"];

    public int Input { get; init; }
    public string Edge { get; init; } = "closed";
    public int Channel { get; init; }
    public string Action { get; init; } = "";

    /// <param name="inputs">The device's inputs (numbered 1 to this); null when it has none or could not be opened, which is a problem of its own.</param>
    internal void Validate(string where, ServiceConfig service, int? inputs, ConfigProblems problems)
    {
        if (inputs is { } count && (Input < 1 || Input > count))
            problems.Add($"{where}.input", $"{Input} is not an input (1 to {count})");
        if (Edge is not ("closed" or "opened"))
            problems.Add($"{where}.edge", $"'{Edge}' is not an edge (closed or opened)");
        if (Channel < 1 || Channel > service.Channels.Count)
            problems.Add($"{where}.channel", $"there is no channel {Channel} (channels are 1..{service.Channels.Count})");
        else if (service.Channels[Channel - 1].Automation is null)
            problems.Add($"{where}.channel", $"channel {Channel} is not run from a schedule: a GPI cannot take or hold it");
        if (!Actions.Contains(Action))
            problems.Add($"{where}.action", $"'{Action}' is not an action ({string.Join(", ", Actions)})");
    }

    /// <summary>Whether an edge of input <paramref name="input"/> (<paramref name="closed"/> or opened) fires this trigger.</summary>
    public bool FiresOn(int input, bool closed) => input == Input && closed == (Edge == "closed");
}
