using System.Globalization;

namespace Playout.Devices.Videohub;

/// <summary>A Videohub device's settings: <c>address</c> (host[:port], port 9990 by default), <c>timeout</c> for a reply and <c>ping</c> interval, in seconds.</summary>
internal sealed record VideohubSettings(string Host, int Port, TimeSpan Timeout, TimeSpan Ping)
{
    public const int DefaultPort = 9990;

    public string Address => $"{Host}:{Port}";

    /// <exception cref="ArgumentException">A setting is missing, unknown or wrong; the message names it.</exception>
    public static VideohubSettings Parse(IReadOnlyDictionary<string, string> settings)
    {
        string[] known = ["address", "timeout", "ping"];
        if (settings.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new ArgumentException($"{unknown}: no such setting of the videohub driver (it takes {string.Join(", ", known)})");
        if (!settings.TryGetValue("address", out string? address) || address.Length == 0)
            throw new ArgumentException("address: missing (the router's host or host:port, e.g. 10.0.0.5:9990)");
        string host = address;
        int port = DefaultPort;
        int colon = address.LastIndexOf(':');
        if (colon >= 0)
        {
            host = address[..colon];
            if (!int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                throw new ArgumentException($"address: '{address}' has no port 1 to 65535 after the colon");
        }
        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@' or ':' or '[' or ']'))
            throw new ArgumentException($"address: '{address}' is not host or host:port (a name or an IPv4 address)");
        return new VideohubSettings(host, port, Seconds(settings, "timeout", 2), Seconds(settings, "ping", 5));
    }

    private static TimeSpan Seconds(IReadOnlyDictionary<string, string> settings, string name, double fallback)
    {
        if (!settings.TryGetValue(name, out string? text))
            return TimeSpan.FromSeconds(fallback);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds is >= 0.05 and <= 60))
            throw new ArgumentException($"{name}: '{text}' is not a number of seconds from 0.05 to 60");
        return TimeSpan.FromSeconds(seconds);
    }
}
