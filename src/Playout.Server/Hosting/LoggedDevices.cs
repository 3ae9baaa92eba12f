using Microsoft.Extensions.Logging;
using Playout.Automation.Runtime;

namespace Playout.Server.Hosting;

/// <summary>The configured devices: each command a schedule sends them is written to the service log (the "log" driver).</summary>
public sealed class LoggedDevices(IReadOnlyList<DeviceConfig> devices, ILogger logger) : IDeviceCommands
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Action, DateTimeOffset At)> _last = new(StringComparer.Ordinal);

    public bool Has(string device) => devices.Any(d => d.Name == device);

    /// <summary>The last command sent to <paramref name="device"/> and when; null before the first.</summary>
    public (string Action, DateTimeOffset At)? LastAction(string device) => _last.TryGetValue(device, out var last) ? last : null;

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        _last[device] = (command, DateTimeOffset.UtcNow);
        logger.LogInformation("device {Device}: {Command} {Arguments}", device, command,
            string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}")));
        return Task.CompletedTask;
    }
}
