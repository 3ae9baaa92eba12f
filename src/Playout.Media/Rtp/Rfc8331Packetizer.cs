using System.Buffers.Binary;
using System.Numerics;

namespace Playout.Media.Rtp;

/// <summary>One SMPTE ST 291-1 ancillary data packet to carry: its identifiers, where it sits in the raster, its user data words.</summary>
/// <param name="Line">The line it belongs on (11 bits).</param>
/// <param name="UserData">8-bit user data words; the packetizer adds each word's parity bits.</param>
public sealed record AncillaryPacket(byte Did, byte Sdid, int Line, byte[] UserData);

/// <summary>
/// RTP packets of SMPTE ST 291-1 ancillary data as RFC 8331 and ST 2110-40 carry it: one RTP packet a frame (a field when
/// interlaced), the marker on it, the frame's 90 kHz timestamp, the extended sequence number, the ANC packets' 10-bit words
/// (DID, SDID, data count and user data words with their parity bits, then the checksum) each run word-aligned to 32 bits.
/// </summary>
public sealed class Rfc8331Packetizer
{
    private readonly uint _ssrc;
    private readonly byte _payloadType;

    /// <exception cref="ArgumentOutOfRangeException">A payload type RTP cannot carry (above 127).</exception>
    public Rfc8331Packetizer(uint ssrc, byte payloadType = 100)
    {
        if (payloadType > RtpHeader.MaxPayloadType)
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "an RTP payload type has 7 bits");
        (_ssrc, _payloadType) = (ssrc, payloadType);
    }

    /// <summary>RFC 8331's "no specific horizontal location".</summary>
    private const int AnyHorizontalOffset = 0xFFF;

    private readonly byte[] _packet = new byte[1460];

    /// <summary>The next packet's 32-bit sequence number.</summary>
    public uint Sequence { get; set; }

    /// <summary>Builds and sends one field's (frame's) packet of <paramref name="packets"/>; <paramref name="field"/> is
    /// 0 progressive, 1 the first field, 2 the second.</summary>
    /// <exception cref="ArgumentException">More ancillary data than one packet holds, or a packet of more than 255 words.</exception>
    public void Send(IReadOnlyList<AncillaryPacket> packets, uint timestamp, int field, RtpPacketSink sink)
    {
        var packet = _packet.AsSpan();
        RtpHeader.Write(packet, _payloadType, marker: true, (ushort)Sequence, timestamp, _ssrc);
        BinaryPrimitives.WriteUInt16BigEndian(packet[12..], (ushort)(Sequence >> 16));
        uint flags = field switch { 1 => 0b10u, 2 => 0b11u, _ => 0u };
        BinaryPrimitives.WriteUInt32BigEndian(packet[16..], (uint)packets.Count << 24 | flags << 22);
        int at = 20;
        foreach (var anc in packets)
        {
            if (anc.UserData.Length > 255)
                throw new ArgumentException($"an ancillary packet carries at most 255 user data words; got {anc.UserData.Length}", nameof(packets));
            int bytes = (32 + 10 * (4 + anc.UserData.Length) + 31) / 32 * 4;
            if (at + bytes > packet.Length)
                throw new ArgumentException($"the ancillary data does not fit one {packet.Length}-byte packet", nameof(packets));
            var bits = new BitWriter(packet.Slice(at, bytes));
            // C = 0 (luma stream), line, horizontal offset, S = 0, stream number 0.
            bits.Write(0, 1);
            bits.Write((uint)anc.Line, 11);
            bits.Write(AnyHorizontalOffset, 12);
            bits.Write(0, 8);
            uint sum = 0;
            foreach (var word in (ReadOnlySpan<byte>)[anc.Did, anc.Sdid, (byte)anc.UserData.Length, .. anc.UserData])
            {
                uint ten = WithParity(word);
                sum += ten & 0x1FF;
                bits.Write(ten, 10);
            }
            sum &= 0x1FF;
            bits.Write(sum | ((~sum >> 8) & 1) << 9, 10);
            at += bytes;
        }
        // Length: the bytes of ANC data, from the first packet's C bit.
        BinaryPrimitives.WriteUInt16BigEndian(packet[14..], (ushort)(at - 20));
        sink(packet[..at]);
        Sequence++;
    }

    /// <summary>An 8-bit word as a 10-bit ANC word: bit 8 the even parity of bits 0–7, bit 9 its inverse.</summary>
    public static uint WithParity(byte word)
    {
        uint parity = (uint)BitOperations.PopCount(word) & 1;
        return word | parity << 8 | (parity ^ 1) << 9;
    }

    /// <summary>Writes bit fields most significant first into zeroed bytes.</summary>
    private ref struct BitWriter(Span<byte> into)
    {
        private readonly Span<byte> _into = into;
        private int _bit;

        public void Write(uint value, int bits)
        {
            if (_bit == 0)
                _into.Clear();
            for (int i = bits - 1; i >= 0; i--, _bit++)
                if ((value >> i & 1) != 0)
                    _into[_bit >> 3] |= (byte)(0x80 >> (_bit & 7));
        }
    }
}
