using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices;

/// <summary>What a device is given by the service: the one alarm board, the log, and the time (tests step it).</summary>
public sealed record DeviceContext(AlarmBoard Alarms, ILogger Logger, TimeProvider Time)
{
    /// <summary>The folder a relative path in a device's settings (a profile) is read from: the configuration file's; null: the working directory.</summary>
    public string? Folder { get; init; }

    /// <summary>The channels' stream outputs, for the stream-output driver; null where the service gives none (tests of other drivers).</summary>
    public IStreamOutputs? StreamOutputs { get; init; }

    /// <summary><paramref name="path"/> as a setting gives it, read from <see cref="Folder"/> when relative.</summary>
    public string PathOf(string path) => Folder is null ? path : System.IO.Path.Combine(Folder, path);
}
