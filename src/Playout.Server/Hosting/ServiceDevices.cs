using Microsoft.Extensions.Logging;
using Playout.Automation.Runtime;
using Playout.Devices;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// The configured devices, opened and started with the service: what schedules send device commands to (checked at load
/// against each device's commands), and what REST, SNMP and the panel read. Disposing closes every link.
/// </summary>
public sealed class ServiceDevices(DeviceRegistry registry) : IDeviceCommands, IAsyncDisposable
{
    /// <summary>No device (a channel run without the service's devices, as tests run one).</summary>
    public static ServiceDevices None { get; } = new(new DeviceRegistry([]));

    public DeviceRegistry Registry => registry;

    /// <summary>Opens and starts the configured devices (their settings were checked with the configuration).</summary>
    /// <param name="channels">The channels on air, filled once the devices have started (stream-output devices drive their outputs).</param>
    public static ServiceDevices Start(ServiceConfig config, AlarmBoard alarms, ILogger logger, IReadOnlyList<ChannelRuntime> channels)
    {
        var context = new DeviceContext(alarms, logger, TimeProvider.System)
        {
            Folder = config.BaseDirectory,
            StreamOutputs = new ChannelStreamOutputs(config, channels),
        };
        var registry = new DeviceRegistry(config.Devices.Select(d => DeviceDrivers.Find(d.Driver)!.Open(d.Name, d.Settings, context)).ToList());
        registry.Start();
        return new ServiceDevices(registry);
    }

    public bool Has(string device) => registry.Find(device) is not null;

    public IReadOnlyList<string> Check(string device, string command, IReadOnlyDictionary<string, string> arguments) =>
        registry.Find(device)?.Check(command, arguments) ?? [$"no device named {device} is configured"];

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel) =>
        registry.Find(device) is { } found ? found.SendAsync(command, arguments, cancel)
            : Task.FromException(new DeviceCommandException($"no device named {device} is configured"));

    public ValueTask DisposeAsync() => registry.DisposeAsync();
}
