using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>The serial-ascii driver's settings, checked: each problem is an <see cref="ArgumentException"/> naming the setting.</summary>
internal sealed record SerialAsciiSettings(string Port, int Baud, SerialProfile Profile, PollSettings Polling)
{
    private static readonly string[] Known = ["port", "baud", .. PollSettings.Names];

    public static SerialAsciiSettings Parse(IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        if (settings.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            throw new ArgumentException($"{unknown}: not a setting of serial-ascii (it takes {string.Join(", ", Known)})");
        if (!settings.TryGetValue("port", out string? port) || string.IsNullOrWhiteSpace(port))
            throw new ArgumentException("port: missing (the serial device, e.g. /dev/ttyUSB0)");
        var profile = PollSettings.Profile(settings, context, SerialProfiles.Load, "the device profile's JSON file");
        int baud = PollSettings.Whole(settings, "baud", profile.Line.Baud, 300, 921_600);
        return new SerialAsciiSettings(port, baud, profile, PollSettings.Parse(settings));
    }
}
