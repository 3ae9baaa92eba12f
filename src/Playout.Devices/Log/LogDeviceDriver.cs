namespace Playout.Devices.Log;

/// <summary>"log": a dry-run device that takes any command and writes it to the service log (a GPI without hardware, rehearsals).</summary>
public sealed class LogDeviceDriver : IDeviceDriver
{
    public string Name => "log";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        if (settings.Count > 0)
            throw new ArgumentException($"the log driver takes no settings (got {string.Join(", ", settings.Keys)})");
        return new LogDevice(name, context);
    }
}
