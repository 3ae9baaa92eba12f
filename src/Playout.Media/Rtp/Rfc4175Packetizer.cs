using System.Buffers.Binary;

namespace Playout.Media.Rtp;

/// <summary>Receives each RTP packet <see cref="Rfc4175Packetizer"/> builds; the span is valid only during the call.</summary>
public delegate void RtpPacketSink(ReadOnlySpan<byte> packet);

/// <summary>
/// RTP packets of uncompressed 4:2:2 10-bit video as RFC 4175 and SMPTE ST 2110-20 carry it, in the general packing mode:
/// each packet holds as many whole pixel groups (5 bytes, 2 pixels: the st2110-422-10 layout) as fit, running on into the
/// next line with another sample row data (SRD) header where a line ends inside it. The marker bit ends each field (each
/// frame when progressive). Sequence numbers are 32-bit: the low half in the RTP header, the high half in the payload's
/// extended sequence number. One packet buffer is reused: nothing is allocated per packet.
/// </summary>
public sealed class Rfc4175Packetizer
{
    /// <summary>RTP header (12 bytes, no CSRC, no extension) and the extended sequence number.</summary>
    public const int HeaderBytes = RtpHeader.Bytes + 2;

    /// <summary>The default packet size: an RTP header, the extended sequence number, up to a few SRDs and 1200 bytes of data,
    /// well inside a 1500-byte Ethernet frame (ST 2110-20's standard UDP size limit is 1460 bytes of UDP payload).</summary>
    public const int DefaultPacketBytes = 1240;

    private const int SrdBytes = 6, PgroupBytes = 5, PgroupPixels = 2;

    private readonly byte[] _packet;
    private readonly uint _ssrc;
    private readonly byte _payloadType;

    /// <param name="width">Pixels a line: even.</param>
    /// <param name="height">Lines a field (a frame when progressive): at most 2^15.</param>
    /// <param name="packetBytes">The largest packet, headers included: room for the headers, an SRD and a pixel group at least.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size the format cannot carry.</exception>
    public Rfc4175Packetizer(int width, int height, uint ssrc, byte payloadType = 96, int packetBytes = DefaultPacketBytes)
    {
        if (width <= 0 || width % PgroupPixels != 0 || width > 1 << 15)
            throw new ArgumentOutOfRangeException(nameof(width), width, "RFC 4175 4:2:2 lines are an even number of pixels up to 32768");
        if (height <= 0 || height > 1 << 15)
            throw new ArgumentOutOfRangeException(nameof(height), height, "an SRD row number has 15 bits");
        if (packetBytes < HeaderBytes + SrdBytes + PgroupBytes || packetBytes > 9000)
            throw new ArgumentOutOfRangeException(nameof(packetBytes), packetBytes, $"a packet needs {HeaderBytes + SrdBytes + PgroupBytes} to 9000 bytes");
        if (payloadType > RtpHeader.MaxPayloadType)
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "an RTP payload type has 7 bits");
        Width = width;
        Height = height;
        _ssrc = ssrc;
        _payloadType = payloadType;
        _packet = new byte[packetBytes];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The next packet's 32-bit sequence number.</summary>
    public uint Sequence { get; set; }

    /// <summary>Bytes of one line of pixel groups.</summary>
    public int LineBytes => Width / PgroupPixels * PgroupBytes;

    /// <summary>
    /// Sends one field or progressive frame: <see cref="Height"/> lines of pixel groups, line r at <paramref name="lines"/> +
    /// r·<paramref name="stride"/>, all with one RTP timestamp; <paramref name="secondField"/> sets the SRDs' F bit. Returns the
    /// packets sent.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="lines"/> is too short for the lines at that stride.</exception>
    public int Send(ReadOnlySpan<byte> lines, int stride, uint timestamp, bool secondField, RtpPacketSink sink)
    {
        int lineBytes = LineBytes;
        if (stride < lineBytes || lines.Length < (long)(Height - 1) * stride + lineBytes)
            throw new ArgumentException($"{Height} lines of {lineBytes} bytes at a stride of {stride} need {(long)(Height - 1) * stride + lineBytes} bytes; got {lines.Length}", nameof(lines));
        int row = 0, offset = 0, packets = 0;
        Span<(int Row, int Offset, int Bytes)> segments = stackalloc (int, int, int)[MaxSegments];
        while (row < Height)
        {
            int count = Plan(ref row, ref offset, segments);
            int length = Write(segments[..count], lines, stride, timestamp, secondField, last: row == Height);
            sink(_packet.AsSpan(0, length));
            Sequence++;
            packets++;
        }
        return packets;
    }

    /// <summary>How many packets one field (or progressive frame) takes: what a sender paces its packets by.</summary>
    public int PacketsPerField
    {
        get
        {
            int row = 0, offset = 0, packets = 0;
            Span<(int Row, int Offset, int Bytes)> segments = stackalloc (int, int, int)[MaxSegments];
            for (; row < Height; packets++)
                Plan(ref row, ref offset, segments);
            return packets;
        }
    }

    private int MaxSegments => (_packet.Length - HeaderBytes) / (SrdBytes + PgroupBytes);

    /// <summary>The next packet's segments from (<paramref name="row"/>, <paramref name="offset"/>) on, each a run of one line with
    /// its SRD ahead of all the data; moves the position past them and returns how many.</summary>
    private int Plan(ref int row, ref int offset, Span<(int Row, int Offset, int Bytes)> segments)
    {
        int lineBytes = LineBytes, room = _packet.Length - HeaderBytes, count = 0;
        while (row < Height && room >= SrdBytes + PgroupBytes)
        {
            room -= SrdBytes;
            int take = Math.Min(lineBytes - offset / PgroupPixels * PgroupBytes, room / PgroupBytes * PgroupBytes);
            segments[count++] = (row, offset, take);
            room -= take;
            offset += take / PgroupBytes * PgroupPixels;
            if (offset == Width)
                (row, offset) = (row + 1, 0);
        }
        return count;
    }

    private int Write(ReadOnlySpan<(int Row, int Offset, int Bytes)> segments, ReadOnlySpan<byte> lines, int stride, uint timestamp,
        bool secondField, bool last)
    {
        var packet = _packet.AsSpan();
        RtpHeader.Write(packet, _payloadType, marker: last, (ushort)Sequence, timestamp, _ssrc);
        BinaryPrimitives.WriteUInt16BigEndian(packet[RtpHeader.Bytes..], (ushort)(Sequence >> 16));
        int data = HeaderBytes + segments.Length * SrdBytes;
        for (int i = 0; i < segments.Length; i++)
        {
            var (row, offset, bytes) = segments[i];
            var srd = packet.Slice(HeaderBytes + i * SrdBytes, SrdBytes);
            BinaryPrimitives.WriteUInt16BigEndian(srd, (ushort)bytes);
            BinaryPrimitives.WriteUInt16BigEndian(srd[2..], (ushort)((secondField ? 0x8000 : 0) | row));
            BinaryPrimitives.WriteUInt16BigEndian(srd[4..], (ushort)((i < segments.Length - 1 ? 0x8000 : 0) | offset));
            lines.Slice(row * stride + offset / PgroupPixels * PgroupBytes, bytes).CopyTo(packet[data..]);
            data += bytes;
        }
        return data;
    }
}
