using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>The serial-ascii driver's settings, checked: each problem is an <see cref="ArgumentException"/> naming the setting.</summary>
internal sealed record SerialAsciiSettings(string Port, int Baud, SerialProfile Profile, PollSettings Polling)
{
    public static SerialAsciiSettings Parse(IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        DriverSettings.OnlyKnown(settings, "serial-ascii", ["port", "baud", .. PollSettings.Names]);
        string port = DriverSettings.Required(settings, "port", "the serial device, e.g. /dev/ttyUSB0, or tcp://host:port");
        if (SerialLine.IsTcp(port) && !(Uri.TryCreate(port, UriKind.Absolute, out var address) && address.Port > 0 && address.Host.Length > 0
            && address.AbsolutePath.Length <= 1))
            throw new ArgumentException($"port: '{port}' is not tcp://host:port");
        var profile = PollSettings.Profile(settings, context, SerialProfiles.Load, "the device profile's JSON file");
        int baud = DriverSettings.WholeNumber(settings, "baud", 300, 921_600, profile.Line.Baud);
        return new SerialAsciiSettings(port, baud, profile, PollSettings.Parse(settings));
    }
}
