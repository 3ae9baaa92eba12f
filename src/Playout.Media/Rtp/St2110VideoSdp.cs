using System.Globalization;
using System.Net;
using Playout.Media.Formats;

namespace Playout.Media.Rtp;

/// <summary>
/// The session description of one SMPTE ST 2110-20 video flow: 4:2:2 10-bit, general packing mode, a wide or narrow sender (<see cref="Pacing"/>), as a
/// receiver (another node, GStreamer, FFmpeg) needs it to take the flow (the clock lines: <see cref="St2110Sdp"/>).
/// </summary>
/// <param name="Height">The frame's lines; an interlaced flow sends half of them in each field.</param>
/// <param name="Ttl">Hops for a multicast destination, written after it as ST 2110-10 asks.</param>
public sealed record St2110VideoSdp(string Name, IPAddress Source, IPAddress Destination, int Port, int Width, int Height,
    Rational FrameRate, bool Interlaced, Colorimetry Colorimetry, TransferCharacteristic Transfer = TransferCharacteristic.Sdr,
    byte PayloadType = 96, int Ttl = 64, string ReferenceClock = "local")
{
    /// <summary>The sender's SSRC, written as <c>a=ssrc</c>; null for none.</summary>
    public uint? Ssrc { get; init; }

    /// <summary>The ST 2110-21 sender type the flow keeps to, written as <c>TP</c>.</summary>
    public St2110Pacing Pacing { get; init; }

    /// <summary>The SDP text, lines ending CRLF as RFC 8866 writes them.</summary>
    public string Text()
    {
        var rate = FrameRate.Denominator == 1
            ? FrameRate.Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{FrameRate.Numerator}/{FrameRate.Denominator}";
        string colorimetry = Colorimetry switch { Colorimetry.Bt601 => "BT601", Colorimetry.Bt2020 => "BT2020", _ => "BT709" };
        string transfer = Transfer switch { TransferCharacteristic.Hlg => "HLG", TransferCharacteristic.Pq => "PQ", _ => "SDR" };
        var sdp = St2110Sdp.Start(Name, Source, Destination, Port, "video", PayloadType, Ttl);
        St2110Sdp.Line(sdp, $"a=rtpmap:{PayloadType} raw/90000");
        St2110Sdp.Line(sdp, $"a=fmtp:{PayloadType} sampling=YCbCr-4:2:2; width={Width}; height={Height}; exactframerate={rate}; depth=10; " +
            $"TCS={transfer}; colorimetry={colorimetry}; PM=2110GPM; SSN=ST2110-20:2017; TP={Pacing.SdpName()};{(Interlaced ? " interlace;" : "")}");
        return St2110Sdp.End(sdp, ReferenceClock, Ssrc, Source);
    }
}
