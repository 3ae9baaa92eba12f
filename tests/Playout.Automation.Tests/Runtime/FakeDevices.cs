using System.Collections.Concurrent;
using Playout.Automation.Runtime;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Devices that record the commands they receive (a real driver's transport is not what these tests check).</summary>
internal sealed class FakeDevices(params string[] names) : IDeviceCommands
{
    public ConcurrentQueue<(string Device, string Command, IReadOnlyDictionary<string, string> Arguments)> Received { get; } = new();

    public bool Has(string device) => names.Contains(device);

    /// <summary>What the devices refuse at schedule load (a device's command specs); null: they take any command.</summary>
    public Func<string, string, IReadOnlyDictionary<string, string>, IReadOnlyList<string>>? Refuse { get; init; }

    public IReadOnlyList<string> Check(string device, string command, IReadOnlyDictionary<string, string> arguments) =>
        Refuse?.Invoke(device, command, arguments) ?? [];

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        Received.Enqueue((device, command, arguments));
        return Task.CompletedTask;
    }
}
