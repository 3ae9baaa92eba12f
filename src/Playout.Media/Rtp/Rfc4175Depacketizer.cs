using System.Buffers.Binary;

namespace Playout.Media.Rtp;

/// <summary>What <see cref="Rfc4175Depacketizer.Read"/> found in one datagram.</summary>
/// <param name="Sequence">The 32-bit sequence number (the RTP header's and the extended one).</param>
/// <param name="Field">1 when the packet's lines are the second field's (F bit); 0 otherwise.</param>
/// <param name="Bytes">Bytes of pixel groups written.</param>
public readonly record struct Rfc4175Packet(RtpPacketProblem Problem, uint Sequence, uint Timestamp, bool Marker, int Field, int Bytes);

/// <summary>
/// Reads RFC 4175 / ST 2110-20 packets of 4:2:2 10-bit video back into lines of pixel groups (the st2110-422-10 layout),
/// whatever the sender's packing (general or block mode) and in whatever order they arrive: each segment goes where its
/// sample row data header says. Every header is checked against the picture and the packet before anything is written,
/// so a malformed or hostile packet is set aside, never written out of place; nothing is allocated.
/// </summary>
public sealed class Rfc4175Depacketizer
{
    private const int SrdBytes = 6, PgroupBytes = 5, PgroupPixels = 2, MaxSegments = 64;

    private readonly int _width, _fieldHeight;
    private readonly bool _interlaced;
    private readonly byte _payloadType;

    /// <param name="height">The frame's lines; an interlaced frame's fields carry half each, F = 1 on the odd lines.</param>
    public Rfc4175Depacketizer(int width, int height, bool interlaced, byte payloadType)
    {
        if (width <= 0 || width % PgroupPixels != 0 || height <= 0 || (interlaced && height % 2 != 0))
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height}{(interlaced ? " interlaced" : "")} is not a 4:2:2 raster RFC 4175 carries");
        _width = width;
        _fieldHeight = interlaced ? height / 2 : height;
        _interlaced = interlaced;
        _payloadType = payloadType;
        LineBytes = width / PgroupPixels * PgroupBytes;
    }

    /// <summary>Bytes of one line of pixel groups: the stride of the lines <see cref="Read"/> writes.</summary>
    public int LineBytes { get; }

    /// <summary>Checks the packet and says what it holds, writing nothing: a receiver decides where its frame is first.</summary>
    public Rfc4175Packet Inspect(ReadOnlySpan<byte> packet) => Read(packet, [], write: false);

    /// <summary>Writes the packet's pixel groups into <paramref name="lines"/> (the whole frame, <see cref="LineBytes"/> a line).</summary>
    public Rfc4175Packet Read(ReadOnlySpan<byte> packet, Span<byte> lines) => Read(packet, lines, write: true);

    private Rfc4175Packet Read(ReadOnlySpan<byte> packet, Span<byte> lines, bool write)
    {
        if (packet.Length < Rfc4175Packetizer.HeaderBytes + SrdBytes || packet[0] >> 6 != 2)
            return new Rfc4175Packet(RtpPacketProblem.NotRtp, 0, 0, false, 0, 0);
        uint sequence = (uint)BinaryPrimitives.ReadUInt16BigEndian(packet[(Rfc4175Packetizer.HeaderBytes - 2)..]) << 16
            | BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        uint timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        bool marker = (packet[1] & 0x80) != 0;
        if ((packet[1] & 0x7F) != _payloadType)
            return new Rfc4175Packet(RtpPacketProblem.OtherPayloadType, sequence, timestamp, marker, 0, 0);
        // RTP header extensions and CSRCs move the payload; ST 2110 senders use neither, and such a packet is set aside.
        if ((packet[0] & 0x1F) != 0)
            return new Rfc4175Packet(RtpPacketProblem.Malformed, sequence, timestamp, marker, 0, 0);
        Span<(int Line, int Offset, int Bytes)> segments = stackalloc (int, int, int)[MaxSegments];
        int count = 0, at = Rfc4175Packetizer.HeaderBytes, field = 0;
        bool more = true;
        while (more)
        {
            if (count == MaxSegments || at + SrdBytes > packet.Length)
                return new Rfc4175Packet(RtpPacketProblem.Malformed, sequence, timestamp, marker, 0, 0);
            int bytes = BinaryPrimitives.ReadUInt16BigEndian(packet[at..]);
            int rowWord = BinaryPrimitives.ReadUInt16BigEndian(packet[(at + 2)..]), offsetWord = BinaryPrimitives.ReadUInt16BigEndian(packet[(at + 4)..]);
            int f = rowWord >> 15, row = rowWord & 0x7FFF, offset = offsetWord & 0x7FFF;
            more = offsetWord >> 15 != 0;
            if (count == 0)
                field = f;
            if (bytes % PgroupBytes != 0 || offset % PgroupPixels != 0 || offset + bytes / PgroupBytes * PgroupPixels > _width
                || row >= _fieldHeight || f != field || (f == 1 && !_interlaced))
                return new Rfc4175Packet(RtpPacketProblem.Malformed, sequence, timestamp, marker, 0, 0);
            segments[count++] = (_interlaced ? 2 * row + f : row, offset, bytes);
            at += SrdBytes;
        }
        int total = 0;
        foreach (var segment in segments[..count])
            total += segment.Bytes;
        if (at + total > packet.Length)
            return new Rfc4175Packet(RtpPacketProblem.Malformed, sequence, timestamp, marker, 0, 0);
        for (int i = 0; write && i < count; i++)
        {
            var (line, offset, bytes) = segments[i];
            packet.Slice(at, bytes).CopyTo(lines[(line * LineBytes + offset / PgroupPixels * PgroupBytes)..]);
            at += bytes;
        }
        return new Rfc4175Packet(RtpPacketProblem.None, sequence, timestamp, marker, field, total);
    }
}
