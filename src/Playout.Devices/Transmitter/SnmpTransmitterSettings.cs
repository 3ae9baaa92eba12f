using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Playout.Devices.Profiles;
using Playout.Snmp.Security;

namespace Playout.Devices.Transmitter;

/// <summary>The snmp-transmitter driver's settings, checked: each problem is an <see cref="ArgumentException"/> naming the setting.</summary>
/// <param name="User">The SNMPv3 user (version 3), or null for v2c with the communities.</param>
/// <param name="TrapListen">Where traps from the transmitter are received (loopback), or null: none, faults are polled only.</param>
internal sealed record SnmpTransmitterSettings(IPEndPoint Address, string Community, string? WriteCommunity, TransmitterProfile Profile,
    TimeSpan Poll, TimeSpan Timeout, int Retries, UsmUserOptions? User, IPEndPoint? TrapListen, string TrapCommunity)
{
    private static readonly string[] Known = ["address", "community", "writeCommunity", .. PollSettings.Names, .. SnmpV3Settings.Names, "trapListen", "trapCommunity"];

    public static SnmpTransmitterSettings Parse(IReadOnlyDictionary<string, string> settings, DeviceContext context, string driver = "snmp-transmitter")
    {
        if (settings.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            throw new ArgumentException($"{unknown}: not a setting of {driver} (it takes {string.Join(", ", Known)})");
        var address = EndPoint("address", settings.GetValueOrDefault("address") ?? throw new ArgumentException("address: missing (host:port of the transmitter's SNMP agent)"));
        var user = SnmpV3Settings.Parse(settings);
        string community = settings.GetValueOrDefault("community") ?? "public";
        if (community.Length == 0)
            throw new ArgumentException("community: empty");
        string? write = settings.GetValueOrDefault("writeCommunity");
        if (write is { Length: 0 })
            throw new ArgumentException("writeCommunity: empty");
        var profile = PollSettings.Profile(settings, context, TransmitterProfiles.Load, "the device profile's JSON file");
        var poll = PollSettings.Parse(settings);
        var trapListen = settings.GetValueOrDefault("trapListen") is { } listen ? EndPoint("trapListen", listen) : null;
        if (trapListen is not null && !IPAddress.IsLoopback(trapListen.Address))
            throw new ArgumentException($"trapListen: {trapListen.Address} is not a loopback address (v2c traps carry no authentication)");
        string trapCommunity = settings.GetValueOrDefault("trapCommunity") ?? community;
        if (trapCommunity.Length == 0)
            throw new ArgumentException("trapCommunity: empty");
        return new SnmpTransmitterSettings(address, community, write, profile, poll.Poll, poll.Timeout, poll.Retries, user, trapListen, trapCommunity);
    }

    private static IPEndPoint EndPoint(string name, string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new ArgumentException($"{name}: '{text}' is not host:port (port 1 to 65535)");
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
            return new IPEndPoint(ip, port);
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"{name}: host '{host}' has no address");
            return new IPEndPoint(chosen, port);
        }
        catch (SocketException error)
        {
            throw new ArgumentException($"{name}: host '{host}' cannot be resolved ({error.Message})");
        }
    }
}
