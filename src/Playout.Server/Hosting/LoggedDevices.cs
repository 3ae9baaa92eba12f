using Microsoft.Extensions.Logging;
using Playout.Automation.Runtime;

namespace Playout.Server.Hosting;

/// <summary>The configured devices: each command a schedule sends them is written to the service log (the "log" driver).</summary>
public sealed class LoggedDevices(IReadOnlyList<DeviceConfig> devices, ILogger logger) : IDeviceCommands
{
    public bool Has(string device) => devices.Any(d => d.Name == device);

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        logger.LogInformation("device {Device}: {Command} {Arguments}", device, command,
            string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}")));
        return Task.CompletedTask;
    }
}
