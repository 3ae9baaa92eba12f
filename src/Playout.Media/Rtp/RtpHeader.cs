using System.Buffers.Binary;

namespace Playout.Media.Rtp;

/// <summary>The fixed RTP header (RFC 3550) every flow's packets start with: version 2, no padding, extension or CSRC.</summary>
public static class RtpHeader
{
    public const int Bytes = 12;

    /// <summary>The largest RTP payload type (7 bits).</summary>
    public const byte MaxPayloadType = 127;

    public static void Write(Span<byte> packet, byte payloadType, bool marker, ushort sequence, uint timestamp, uint ssrc)
    {
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
    }
}
