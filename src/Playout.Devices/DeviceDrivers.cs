using Playout.Devices.Dls;
using Playout.Devices.Encoders;
using Playout.Devices.Gpi;
using Playout.Devices.Gpio;
using Playout.Devices.Log;
using Playout.Devices.Serial;
using Playout.Devices.Transmitter;
using Playout.Devices.Videohub;

namespace Playout.Devices;

/// <summary>The device drivers the service knows, by configuration name.</summary>
public static class DeviceDrivers
{
    public static IReadOnlyList<IDeviceDriver> All { get; } = [new LogDeviceDriver(), new GpiBoxDriver(), new VideohubDriver(), new SnmpTransmitterDriver(),
        new SnmpEncoderDriver(), new StreamOutputDriver(), new GpioLineDriver(), new SerialAsciiDriver(), new DlsFileDriver()];

    /// <summary>The driver named <paramref name="name"/>, or null.</summary>
    public static IDeviceDriver? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>The drivers' names, for errors that list them.</summary>
    public static string Names => string.Join(", ", All.Select(d => d.Name));
}
