using Playout.Automation.Runtime;

namespace Playout.Automation.Imports;

/// <summary>
/// Stands in for a channel's devices when a file is validated away from the service (the CLI): every device name
/// passes the validator's "is it configured" check. Nothing is ever sent through it.
/// </summary>
internal sealed class UncheckedDevices : IDeviceCommands
{
    public static UncheckedDevices Instance { get; } = new();

    public bool Has(string device) => true;

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) =>
        throw new NotSupportedException("an import validation sends no device commands");
}
