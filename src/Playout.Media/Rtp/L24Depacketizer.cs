using System.Buffers.Binary;

namespace Playout.Media.Rtp;

/// <summary>What <see cref="L24Depacketizer.Read"/> found in one datagram.</summary>
/// <param name="Samples">Sample frames written.</param>
public readonly record struct L24Packet(RtpPacketProblem Problem, ushort Sequence, uint Timestamp, int Samples);

/// <summary>
/// Reads L24 / ST 2110-30 packets back into float samples (full scale ±1.0), a packet's channels into the first of a wider
/// interleaved frame. A packet whose payload is not whole sample frames of the flow's channels is set aside; nothing is allocated.
/// </summary>
public sealed class L24Depacketizer(int channels, byte payloadType)
{
    public int Channels { get; } = channels;

    /// <summary>Writes the packet's sample frames into <paramref name="into"/>, <paramref name="stride"/> samples a frame, as many as fit.</summary>
    public L24Packet Read(ReadOnlySpan<byte> packet, Span<float> into, int stride)
    {
        if (packet.Length < RtpHeader.Bytes || packet[0] >> 6 != 2)
            return new L24Packet(RtpPacketProblem.NotRtp, 0, 0, 0);
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        uint timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        if ((packet[1] & 0x7F) != payloadType)
            return new L24Packet(RtpPacketProblem.OtherPayloadType, sequence, timestamp, 0);
        var payload = packet[RtpHeader.Bytes..];
        int frameBytes = Channels * 3;
        if ((packet[0] & 0x1F) != 0 || payload.Length % frameBytes != 0)
            return new L24Packet(RtpPacketProblem.Malformed, sequence, timestamp, 0);
        int frames = Math.Min(payload.Length / frameBytes, into.Length / stride);
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < Channels; c++)
            {
                int at = f * frameBytes + 3 * c;
                into[f * stride + c] = (payload[at] << 24 >> 8 | payload[at + 1] << 8 | payload[at + 2]) / 8388608f;
            }
        return new L24Packet(RtpPacketProblem.None, sequence, timestamp, frames);
    }
}
