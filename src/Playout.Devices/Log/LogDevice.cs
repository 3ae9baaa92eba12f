using Microsoft.Extensions.Logging;

namespace Playout.Devices.Log;

/// <summary>A dry-run device: always connected, every command written to the log and noted as its last.</summary>
internal sealed class LogDevice(string name, DeviceContext context) : Device(name, "log", context)
{
    public override IReadOnlyList<DeviceCommandSpec>? Commands => null;

    public override void Start() => SetConnection(ConnectionState.Connected);

    protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        Context.Logger.LogInformation("device {Device}: {Command} {Arguments}", Name, command, string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}")));
        return Task.CompletedTask;
    }

    protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
