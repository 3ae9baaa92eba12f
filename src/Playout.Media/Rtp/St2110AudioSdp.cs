using System.Globalization;
using System.Net;

namespace Playout.Media.Rtp;

/// <summary>
/// The session description of one SMPTE ST 2110-30 (AES67) audio flow: L24 at 48 kHz, <see cref="Channels"/> channels
/// labelled as stereo pairs (a last odd one mono), one packet every <see cref="PacketMicroseconds"/> (the clock lines:
/// <see cref="St2110Sdp"/>).
/// </summary>
public sealed record St2110AudioSdp(string Name, IPAddress Source, IPAddress Destination, int Port, int Channels,
    int PacketMicroseconds = 1000, byte PayloadType = 97, int Ttl = 64, string ReferenceClock = "local")
{
    /// <summary>The sender's SSRC, written as <c>a=ssrc</c>; null for none.</summary>
    public uint? Ssrc { get; init; }

    public string Text()
    {
        var order = string.Join(",", Enumerable.Repeat("ST", Channels / 2).Concat(Channels % 2 == 1 ? ["M"] : []));
        var sdp = St2110Sdp.Start(Name, Source, Destination, Port, "audio", PayloadType, Ttl);
        St2110Sdp.Line(sdp, $"a=rtpmap:{PayloadType} L24/48000/{Channels}");
        St2110Sdp.Line(sdp, $"a=fmtp:{PayloadType} channel-order=SMPTE2110.({order})");
        St2110Sdp.Line(sdp, $"a=ptime:{(PacketMicroseconds / 1000.0).ToString(CultureInfo.InvariantCulture)}");
        return St2110Sdp.End(sdp, ReferenceClock, Ssrc, Source);
    }
}
