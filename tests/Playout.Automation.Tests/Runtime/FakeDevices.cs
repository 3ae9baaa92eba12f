using System.Collections.Concurrent;
using Playout.Automation.Runtime;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Devices that record the commands they receive (a real driver's transport is not what these tests check).</summary>
internal sealed class FakeDevices(params string[] names) : IDeviceCommands
{
    public ConcurrentQueue<(string Device, string Command, IReadOnlyDictionary<string, string> Arguments)> Received { get; } = new();

    public bool Has(string device) => names.Contains(device);

    public Task SendAsync(string device, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        Received.Enqueue((device, command, arguments));
        return Task.CompletedTask;
    }
}
