using System.Globalization;
using System.Net;
using Playout.Media.Formats;

namespace Playout.Media.Rtp;

/// <summary>An ST 2110-20 video flow as a receiver takes it: where it arrives, and the raster and rate its SDP declares.</summary>
/// <param name="Ssrc">The sender to take (the SDP's <c>a=ssrc</c>), or null for the first heard.</param>
public sealed record St2110VideoFlow(IPAddress Address, int Port, byte PayloadType, int Width, int Height, Rational FrameRate, bool Interlaced,
    uint? Ssrc = null)
{
    /// <summary>Reads the flow from an SDP's video media: 4:2:2 10-bit on the 90 kHz clock, any packing mode.</summary>
    /// <exception cref="InvalidDataException">Not a flow this receiver takes; the message names the SDP line.</exception>
    public static St2110VideoFlow From(SdpMedia media, string source)
    {
        if (!media.Encoding.Equals("raw", StringComparison.OrdinalIgnoreCase) || media.ClockRate != 90_000)
            throw SessionDescription.Error(source, media.RtpmapLine, $"{media.Encoding}/{media.ClockRate} is not ST 2110-20 video (raw/90000)");
        var format = media.Format;
        Require(format, "sampling", "YCbCr-4:2:2", source, media.FormatLine);
        Require(format, "depth", "10", source, media.FormatLine);
        int width = Whole(format, "width", source, media.FormatLine), height = Whole(format, "height", source, media.FormatLine);
        if (!format.TryGetValue("exactframerate", out var rateText) || !Rational.TryParse(rateText, out var rate) || rate.Numerator <= 0)
            throw SessionDescription.Error(source, media.FormatLine, $"exactframerate '{rateText}' is not a rate such as 25 or 30000/1001");
        return new St2110VideoFlow(media.Address, media.Port, media.PayloadType, width, height, rate, format.ContainsKey("interlace"), media.Ssrc);
    }

    private static void Require(IReadOnlyDictionary<string, string> format, string name, string expected, string source, int line)
    {
        if (!format.TryGetValue(name, out var value) || !value.Equals(expected, StringComparison.OrdinalIgnoreCase))
            throw SessionDescription.Error(source, line, $"{name} is '{value}'; this receiver takes {name}={expected}");
    }

    private static int Whole(IReadOnlyDictionary<string, string> format, string name, string source, int line) =>
        format.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is > 0 and <= 32768
            ? value
            : throw SessionDescription.Error(source, line, $"{name} '{text}' is not a size from 1 to 32768");
}

/// <summary>An ST 2110-30 (AES67) audio flow as a receiver takes it: where it arrives and its channels.</summary>
/// <param name="Ssrc">The sender to take (the SDP's <c>a=ssrc</c>), or null for the first heard.</param>
public sealed record St2110AudioFlow(IPAddress Address, int Port, byte PayloadType, int Channels, uint? Ssrc = null)
{
    /// <summary>Reads the flow from an SDP's audio media: L24 at 48 kHz.</summary>
    /// <exception cref="InvalidDataException">Not a flow this receiver takes; the message names the SDP line.</exception>
    public static St2110AudioFlow From(SdpMedia media, string source, int maxChannels)
    {
        if (!media.Encoding.Equals("L24", StringComparison.OrdinalIgnoreCase) || media.ClockRate != 48_000)
            throw SessionDescription.Error(source, media.RtpmapLine, $"{media.Encoding}/{media.ClockRate} is not ST 2110-30 audio (L24/48000)");
        string text = media.EncodingParameters ?? "1";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int channels) || channels < 1 || channels > maxChannels)
            throw SessionDescription.Error(source, media.RtpmapLine, $"'{text}' channels: this receiver takes 1 to {maxChannels}");
        return new St2110AudioFlow(media.Address, media.Port, media.PayloadType, channels, media.Ssrc);
    }
}
