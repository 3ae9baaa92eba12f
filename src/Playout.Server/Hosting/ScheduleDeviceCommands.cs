using Playout.Automation.Runtime;
using Playout.Devices;
using Playout.Devices.Redundancy;

namespace Playout.Server.Hosting;

/// <summary>
/// What a schedule's device events reach: the configured devices, and the transmitter pairs by name, which take
/// <c>changeover to=main|reserve</c> (done as an operator's changeover by "schedule", noted in as-run as any other).
/// </summary>
public sealed class ScheduleDeviceCommands(ServiceDevices devices, ServiceTransmitterPairs pairs) : IDeviceCommands
{
    public const string Who = "schedule";

    public bool Has(string device) => devices.Has(device) || pairs.Find(device) is not null;

    public IReadOnlyList<string> Check(string device, string command, IReadOnlyDictionary<string, string> arguments) =>
        pairs.Find(device) is null ? devices.Check(device, command, arguments)
        : command == TransmitterPair.ChangeoverCommand.Name ? TransmitterPair.ChangeoverCommand.Check(arguments)
        : [$"transmitter pair {device} has no command '{command}' (it takes {TransmitterPair.ChangeoverCommand.Name})"];

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        if (pairs.Find(device) is not { } pair)
            return devices.SendAsync(device, command, arguments, cancel);
        if (Check(device, command, arguments) is { Count: > 0 } problems)
            return Task.FromException(new DeviceCommandException(string.Join("; ", problems)));
        return pair.ChangeoverAsync(arguments["to"] == "main" ? TransmitterSide.Main : TransmitterSide.Reserve, Who, cancel);
    }
}
