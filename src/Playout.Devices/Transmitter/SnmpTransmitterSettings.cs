using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Playout.Devices.Profiles;

namespace Playout.Devices.Transmitter;

/// <summary>The snmp-transmitter driver's settings, checked: each problem is an <see cref="ArgumentException"/> naming the setting.</summary>
internal sealed record SnmpTransmitterSettings(IPEndPoint Address, string Community, string? WriteCommunity, TransmitterProfile Profile,
    TimeSpan Poll, TimeSpan Timeout, int Retries)
{
    private static readonly string[] Known = ["address", "community", "writeCommunity", .. PollSettings.Names];

    public static SnmpTransmitterSettings Parse(IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        if (settings.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            throw new ArgumentException($"{unknown}: not a setting of snmp-transmitter (it takes {string.Join(", ", Known)})");
        var address = EndPoint(settings.GetValueOrDefault("address") ?? throw new ArgumentException("address: missing (host:port of the transmitter's SNMP agent)"));
        string community = settings.GetValueOrDefault("community") ?? "public";
        if (community.Length == 0)
            throw new ArgumentException("community: empty");
        string? write = settings.GetValueOrDefault("writeCommunity");
        if (write is { Length: 0 })
            throw new ArgumentException("writeCommunity: empty");
        var profile = PollSettings.Profile(settings, context, TransmitterProfiles.Load, "the transmitter profile's JSON file");
        var poll = PollSettings.Parse(settings);
        return new SnmpTransmitterSettings(address, community, write, profile, poll.Poll, poll.Timeout, poll.Retries);
    }

    private static IPEndPoint EndPoint(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new ArgumentException($"address: '{text}' is not host:port (port 1 to 65535)");
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
            return new IPEndPoint(ip, port);
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"address: host '{host}' has no address");
            return new IPEndPoint(chosen, port);
        }
        catch (SocketException error)
        {
            throw new ArgumentException($"address: host '{host}' cannot be resolved ({error.Message})");
        }
    }
}
