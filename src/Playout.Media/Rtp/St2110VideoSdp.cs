using System.Globalization;
using System.Net;
using System.Text;
using Playout.Media.Formats;

namespace Playout.Media.Rtp;

/// <summary>
/// The session description of one SMPTE ST 2110-20 video flow: 4:2:2 10-bit, general packing mode, wide sender, as a
/// receiver (another node, GStreamer, FFmpeg) needs it to take the flow. The media clock is the RTP clock itself
/// (<c>mediaclk:direct=0</c>) and, until the channel follows PTP, the reference clock is the sender's own (<c>ts-refclk:local</c>).
/// </summary>
/// <param name="Height">The frame's lines; an interlaced flow sends half of them in each field.</param>
/// <param name="Ttl">Hops for a multicast destination, written after it as ST 2110-10 asks.</param>
public sealed record St2110VideoSdp(string Name, IPAddress Source, IPAddress Destination, int Port, int Width, int Height,
    Rational FrameRate, bool Interlaced, Colorimetry Colorimetry, TransferCharacteristic Transfer = TransferCharacteristic.Sdr,
    byte PayloadType = 96, int Ttl = 64)
{
    /// <summary>The SDP text, lines ending CRLF as RFC 8866 writes them.</summary>
    public string Text()
    {
        string family = Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        bool multicast = IsMulticast(Destination);
        var rate = FrameRate.Denominator == 1
            ? FrameRate.Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{FrameRate.Numerator}/{FrameRate.Denominator}";
        string colorimetry = Colorimetry switch { Colorimetry.Bt601 => "BT601", Colorimetry.Bt2020 => "BT2020", _ => "BT709" };
        string transfer = Transfer switch { TransferCharacteristic.Hlg => "HLG", TransferCharacteristic.Pq => "PQ", _ => "SDR" };
        var sdp = new StringBuilder();
        Line(sdp, "v=0");
        Line(sdp, $"o=- 1 1 IN {family} {Source}");
        Line(sdp, $"s={Name}");
        Line(sdp, "t=0 0");
        Line(sdp, $"m=video {Port} RTP/AVP {PayloadType}");
        Line(sdp, $"c=IN {family} {Destination}{(multicast && family == "IP4" ? $"/{Ttl}" : "")}");
        Line(sdp, $"a=rtpmap:{PayloadType} raw/90000");
        Line(sdp, $"a=fmtp:{PayloadType} sampling=YCbCr-4:2:2; width={Width}; height={Height}; exactframerate={rate}; depth=10; " +
            $"TCS={transfer}; colorimetry={colorimetry}; PM=2110GPM; SSN=ST2110-20:2017; TP=2110TPW;{(Interlaced ? " interlace;" : "")}");
        Line(sdp, "a=mediaclk:direct=0");
        Line(sdp, "a=ts-refclk:local");
        return sdp.ToString();
    }

    /// <summary>Whether the address is a multicast group (IPv4 224/4 or IPv6 ff00::/8).</summary>
    public static bool IsMulticast(IPAddress address) =>
        address.IsIPv6Multicast || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0);

    private static void Line(StringBuilder sdp, string line) => sdp.Append(line).Append("\r\n");
}
