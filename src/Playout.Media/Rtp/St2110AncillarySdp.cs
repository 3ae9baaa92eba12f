using System.Globalization;
using System.Net;
using Playout.Media.Formats;

namespace Playout.Media.Rtp;

/// <summary>
/// The session description of one SMPTE ST 2110-40 ancillary data flow (RFC 8331, <c>smpte291/90000</c>): the DID/SDID
/// pairs it carries and the frame rate (the clock lines: <see cref="St2110Sdp"/>).
/// </summary>
public sealed record St2110AncillarySdp(string Name, IPAddress Source, IPAddress Destination, int Port, Rational FrameRate,
    IReadOnlyList<(byte Did, byte Sdid)> Carries, byte PayloadType = 100, int Ttl = 64, string ReferenceClock = "local")
{
    /// <summary>The sender's SSRC, written as <c>a=ssrc</c>; null for none.</summary>
    public uint? Ssrc { get; init; }

    public string Text()
    {
        var rate = FrameRate.Denominator == 1
            ? FrameRate.Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{FrameRate.Numerator}/{FrameRate.Denominator}";
        var sdp = St2110Sdp.Start(Name, Source, Destination, Port, "video", PayloadType, Ttl);
        St2110Sdp.Line(sdp, $"a=rtpmap:{PayloadType} smpte291/90000");
        St2110Sdp.Line(sdp, $"a=fmtp:{PayloadType} {string.Concat(Carries.Select(c => $"DID_SDID={{0x{c.Did:X2},0x{c.Sdid:X2}}}; "))}exactframerate={rate}");
        return St2110Sdp.End(sdp, ReferenceClock, Ssrc, Source);
    }
}
