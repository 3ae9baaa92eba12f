using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Playout.Media.Rtp;

/// <summary>
/// The lines every ST 2110 flow's session description shares (RFC 8866, ST 2110-10): origin, session, the one media line
/// and its connection, and the clock lines. The media clock is the RTP clock itself (<c>mediaclk:direct=0</c>) and, until
/// the channel follows PTP, the reference clock is the sender's own (<c>ts-refclk:local</c>).
/// </summary>
public static class St2110Sdp
{
    /// <summary>Starts a description of one flow: everything up to its <c>a=rtpmap</c>.</summary>
    /// <param name="media">"video" or "audio" (ST 2110-40 ancillary data rides a video media line too).</param>
    /// <param name="ttl">Hops for a multicast IPv4 destination, written after it as ST 2110-10 asks.</param>
    public static StringBuilder Start(string name, IPAddress source, IPAddress destination, int port, string media, byte payloadType, int ttl)
    {
        string family = destination.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var sdp = new StringBuilder();
        Line(sdp, "v=0");
        Line(sdp, $"o=- 1 1 IN {family} {source}");
        Line(sdp, $"s={name}");
        Line(sdp, "t=0 0");
        Line(sdp, $"m={media} {port} RTP/AVP {payloadType}");
        Line(sdp, $"c=IN {family} {destination}{(IsMulticast(destination) && family == "IP4" ? $"/{ttl}" : "")}");
        return sdp;
    }

    /// <summary>Ends a description with its clock lines and its sender's SSRC; returns the text, lines ending CRLF.</summary>
    /// <param name="referenceClock">What <c>ts-refclk</c> says: "local", or "ptp=IEEE1588-2008:{grandmaster}:{domain}".</param>
    /// <param name="ssrc">The sender's SSRC, written as RFC 5576's <c>a=ssrc</c> (with the CNAME it requires) so a receiver
    /// takes this sender only; null writes none.</param>
    public static string End(StringBuilder sdp, string referenceClock, uint? ssrc, IPAddress source)
    {
        Line(sdp, "a=mediaclk:direct=0");
        Line(sdp, $"a=ts-refclk:{referenceClock}");
        if (ssrc is { } id)
            Line(sdp, $"a=ssrc:{id} cname:playout@{source}");
        return sdp.ToString();
    }

    public static void Line(StringBuilder sdp, string line) => sdp.Append(line).Append("\r\n");

    /// <summary>Whether the address is a multicast group (IPv4 224/4 or IPv6 ff00::/8).</summary>
    public static bool IsMulticast(IPAddress address) =>
        address.IsIPv6Multicast || (address.AddressFamily == AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0);
}
