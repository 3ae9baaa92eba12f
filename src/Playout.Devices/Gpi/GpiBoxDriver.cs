using System.Globalization;

namespace Playout.Devices.Gpi;

/// <summary>"gpi-serial": a GPI box on a serial line (<see cref="GpiMessage"/>). Settings: <c>port</c> (the serial device, e.g. /dev/ttyUSB0; a relative path is read from the configuration's folder), <c>baud</c> (default 9600).</summary>
public sealed class GpiBoxDriver : IDeviceDriver
{
    public string Name => "gpi-serial";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        DriverSettings.OnlyKnown(settings, Name, "port", "baud");
        string port = DriverSettings.Required(settings, "port", "the serial device, e.g. /dev/ttyUSB0");
        int baud = 9600;
        if (settings.TryGetValue("baud", out string? text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out baud) && baud is >= 300 and <= 921_600))
            throw new ArgumentException($"baud: '{text}' is not a baud rate (300 to 921600)");
        return new GpiBoxDevice(name, context.PathOf(port), baud, context);
    }
}
