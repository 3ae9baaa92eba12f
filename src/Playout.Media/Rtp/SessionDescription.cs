using System.Globalization;
using System.Net;

namespace Playout.Media.Rtp;

/// <summary>One media section of an SDP (its <c>m=</c> line and what follows it), with the line numbers errors point at.</summary>
/// <param name="Address">Where the flow is sent: the section's <c>c=</c> address, else the session's.</param>
/// <param name="Encoding">The payload type's <c>a=rtpmap</c> encoding name ("raw", "L24").</param>
/// <param name="EncodingParameters">What follows the clock rate in the rtpmap (an audio flow's channels), or null.</param>
/// <param name="Format">The payload type's <c>a=fmtp</c> parameters; a bare parameter ("interlace") has the value "".</param>
/// <param name="FormatLine">The fmtp's line, or the rtpmap's when there is none.</param>
/// <param name="Ssrc">The sender's synchronisation source, when an <c>a=ssrc</c> line (RFC 5576) names it.</param>
public sealed record SdpMedia(string Kind, int Port, byte PayloadType, IPAddress Address, string Encoding, int ClockRate,
    string? EncodingParameters, IReadOnlyDictionary<string, string> Format, IReadOnlyDictionary<string, string> Attributes,
    int Line, int RtpmapLine, int FormatLine, uint? Ssrc = null);

/// <summary>
/// A session description (RFC 8866) as an ST 2110 sender writes one: the parser reads what a receiver needs (media, port,
/// connection address, rtpmap, fmtp and other attributes) and refuses anything it cannot use with the file and line.
/// </summary>
public static class SessionDescription
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors (a file path).</summary>
    /// <exception cref="InvalidDataException">Not an SDP a receiver can use: the message says where and why.</exception>
    public static IReadOnlyList<SdpMedia> Parse(string text, string source)
    {
        var lines = text.Split('\n');
        IPAddress? sessionAddress = null;
        var media = new List<SdpMedia>();
        Section? current = null;
        bool version = false;
        int last = 1;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int number = i + 1;
            if (line.Length == 0)
                continue;
            last = number;
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
                throw Error(source, number, $"'{Shorten(line)}' is not an SDP line (a letter, '=', a value)");
            string value = line[2..];
            if (!version)
            {
                if (line != "v=0")
                    throw Error(source, number, "an SDP starts with v=0");
                version = true;
                continue;
            }
            switch (line[0])
            {
                case 'm':
                    if (current is not null)
                        media.Add(current.Build(source, sessionAddress));
                    current = Section.Start(value, source, number);
                    break;
                case 'c':
                    var address = Connection(value, source, number);
                    if (current is null)
                        sessionAddress = address;
                    else
                        current.Address = address;
                    break;
                case 'a' when current is not null:
                    current.Attribute(value, source, number);
                    break;
            }
        }
        if (!version)
            throw Error(source, 1, "empty: an SDP starts with v=0");
        if (current is not null)
            media.Add(current.Build(source, sessionAddress));
        if (media.Count == 0)
            throw Error(source, last, "no media (m=) line");
        return media;
    }

    /// <summary>An error at a line of an SDP, as this parser reports them.</summary>
    public static InvalidDataException Error(string source, int line, string message) => new($"{source}, line {line}: {message}");

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";

    /// <summary>"IN IP4 239.1.1.1/64": the address, without its TTL or count.</summary>
    private static IPAddress Connection(string value, string source, int line)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
            throw Error(source, line, $"c={Shorten(value)}: expected 'IN IP4|IP6 address'");
        string host = parts[2].Split('/')[0];
        return IPAddress.TryParse(host, out var address)
            ? address
            : throw Error(source, line, $"c=: '{host}' is not an IP address");
    }

    private sealed class Section
    {
        private readonly Dictionary<string, string> _attributes = [];
        private string? _encoding, _parameters;
        private int _clockRate, _rtpmapLine;
        private Dictionary<string, string>? _format;
        private int _formatLine;
        private uint? _ssrc;

        private Section(string kind, int port, byte payloadType, int line) => (Kind, Port, PayloadType, Line) = (kind, port, payloadType, line);

        public string Kind { get; }
        public int Port { get; }
        public byte PayloadType { get; }
        public int Line { get; }
        public IPAddress? Address { get; set; }

        /// <summary>"video 5004 RTP/AVP 96": one RTP payload type on a port.</summary>
        public static Section Start(string value, string source, int line)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || !parts[2].StartsWith("RTP/", StringComparison.Ordinal))
                throw Error(source, line, $"m={Shorten(value)}: expected 'media port RTP/AVP payload-type'");
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
                throw Error(source, line, $"m=: '{parts[1]}' is not a port (1 to 65535)");
            if (parts.Length > 4)
                throw Error(source, line, "m=: one payload type a flow; got " + (parts.Length - 3));
            if (!byte.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out byte payloadType) || payloadType > RtpHeader.MaxPayloadType)
                throw Error(source, line, $"m=: '{parts[3]}' is not an RTP payload type (0 to 127)");
            return new Section(parts[0], port, payloadType, line);
        }

        public void Attribute(string value, string source, int line)
        {
            int colon = value.IndexOf(':');
            string name = colon < 0 ? value : value[..colon], rest = colon < 0 ? "" : value[(colon + 1)..];
            if (name is "rtpmap" or "fmtp")
            {
                int space = rest.IndexOf(' ');
                if (space < 0 || !byte.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out byte type))
                    throw Error(source, line, $"a={name}: expected the payload type, a space, then its {(name == "rtpmap" ? "encoding" : "parameters")}");
                if (type != PayloadType)
                    return;
                if (name == "rtpmap")
                    Rtpmap(rest[(space + 1)..].Trim(), source, line);
                else
                    (_format, _formatLine) = (Parameters(rest[(space + 1)..]), line);
                return;
            }
            if (name == "ssrc")
                Ssrc(rest, source, line);
            _attributes[name] = rest;
        }

        /// <summary>"a=ssrc:314159 cname:studio": the sender's SSRC; a second, different one is refused (one sender a flow).</summary>
        private void Ssrc(string value, string source, int line)
        {
            string id = value.Split(' ', 2)[0];
            if (!uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out uint ssrc))
                throw Error(source, line, $"a=ssrc: '{Shorten(id)}' is not an SSRC (a number from 0 to {uint.MaxValue})");
            if (_ssrc is { } earlier && earlier != ssrc)
                throw Error(source, line, $"a=ssrc: {ssrc} after {earlier}: this receiver takes one sender a flow");
            _ssrc = ssrc;
        }

        public SdpMedia Build(string source, IPAddress? sessionAddress)
        {
            var address = Address ?? sessionAddress ?? throw Error(source, Line, "no connection (c=) address for this media, nor for the session");
            if (_encoding is null)
                throw Error(source, Line, $"no a=rtpmap for payload type {PayloadType}");
            return new SdpMedia(Kind, Port, PayloadType, address, _encoding, _clockRate, _parameters, _format ?? [], _attributes, Line,
                _rtpmapLine, _format is null ? _rtpmapLine : _formatLine, _ssrc);
        }

        /// <summary>"raw/90000" or "L24/48000/2".</summary>
        private void Rtpmap(string value, string source, int line)
        {
            var parts = value.Split('/');
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rate) || rate <= 0)
                throw Error(source, line, $"a=rtpmap: '{Shorten(value)}' is not encoding/clock-rate[/parameters]");
            (_encoding, _clockRate, _parameters, _rtpmapLine) = (parts[0], rate, parts.Length == 3 ? parts[2] : null, line);
        }

        /// <summary>"sampling=YCbCr-4:2:2; width=1920; interlace;": names to values, a bare name to "".</summary>
        private static Dictionary<string, string> Parameters(string value)
        {
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int equals = part.IndexOf('=');
                parameters[equals < 0 ? part : part[..equals].Trim()] = equals < 0 ? "" : part[(equals + 1)..].Trim();
            }
            return parameters;
        }
    }
}
