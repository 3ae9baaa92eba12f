namespace Playout.Devices;

/// <summary>A kind of device by its configuration name ("log", "videohub", …): opens a device from its settings.</summary>
public interface IDeviceDriver
{
    /// <summary>The name a configuration's <c>driver</c> gives.</summary>
    string Name { get; }

    /// <summary>The device named <paramref name="name"/> from its configuration's <paramref name="settings"/>; not started yet.</summary>
    /// <exception cref="ArgumentException">A setting is missing or wrong: the message names it and says why.</exception>
    Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context);
}
