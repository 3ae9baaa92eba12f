namespace Playout.Automation.Runtime;

/// <summary>
/// Where device-command secondary events go: routers, GPI, encoders, transmitters. Drivers register devices by
/// name; a schedule naming a device that is not registered fails validation rather than doing nothing on air.
/// </summary>
public interface IDeviceCommands
{
    bool Has(string device);

    /// <summary>
    /// Why <paramref name="device"/> would refuse <paramref name="command"/> with <paramref name="arguments"/> (an unknown
    /// command, a missing or out-of-range argument), each problem named; empty when it takes it, or cannot tell.
    /// </summary>
    IReadOnlyList<string> Check(string device, string command, IReadOnlyDictionary<string, string> arguments) => [];

    /// <summary>Sends <paramref name="command"/> to <paramref name="device"/>; faults are reported through the returned task.</summary>
    Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel);
}
