namespace Playout.TestSupport;

/// <summary>One SMPTE ST 291-1 ancillary data packet of an RFC 8331 payload, as read, with its checks.</summary>
/// <param name="Line">Line_Number.</param>
/// <param name="Data">The user data words' low 8 bits.</param>
/// <param name="WordsChecked">Whether DID, SDID, DC and every user data word carry their parity bits (b8 even parity, b9 its inverse).</param>
/// <param name="ChecksumChecked">Whether the checksum word is the 9-bit sum of those words with b9 the inverse of b8.</param>
public sealed record AncillaryPacketRead(int Line, int Did, int Sdid, byte[] Data, bool WordsChecked, bool ChecksumChecked);

/// <summary>
/// Reads an ST 2110-40 RTP packet's ancillary data packets bit by bit from RFC 8331's layout, independent of the code that
/// writes them: the 12-byte RTP header, the payload header (extended sequence number, length, ANC_Count, F and reserved
/// bits), then each packet's 32-bit C/Line/Offset/S/StreamNum word, 10-bit DID, SDID, DC, user data and checksum, padded
/// to 32 bits.
/// </summary>
public static class Rfc8331Reader
{
    public static List<AncillaryPacketRead> Packets(ReadOnlySpan<byte> rtp)
    {
        var packets = new List<AncillaryPacketRead>();
        int count = rtp[16], at = 20 * 8;
        for (int p = 0; p < count; p++)
        {
            uint header = Bits(rtp, ref at, 32);
            var words = new List<uint>();
            for (int w = 0; w < 3; w++)
                words.Add(Bits(rtp, ref at, 10));
            int dataCount = (int)(words[2] & 0xFF);
            for (int w = 0; w < dataCount; w++)
                words.Add(Bits(rtp, ref at, 10));
            uint checksum = Bits(rtp, ref at, 10);
            uint sum = (uint)words.Sum(w => (long)(w & 0x1FF)) & 0x1FF;
            packets.Add(new AncillaryPacketRead((int)(header >> 20 & 0x7FF), (int)(words[0] & 0xFF), (int)(words[1] & 0xFF),
                [.. words.Skip(3).Select(w => (byte)w)], words.All(WithParity), checksum == (sum | (~sum << 1 & 0x200))));
            at = (at + 31) / 32 * 32;
        }
        return packets;
    }

    /// <summary>Whether a 10-bit word's b8 is the even parity of b0-b7 and b9 is b8's inverse.</summary>
    private static bool WithParity(uint word)
    {
        uint parity = (uint)System.Numerics.BitOperations.PopCount(word & 0xFF) & 1;
        return (word >> 8 & 1) == parity && (word >> 9 & 1) == (parity ^ 1);
    }

    private static uint Bits(ReadOnlySpan<byte> bytes, ref int at, int count)
    {
        uint value = 0;
        for (int b = 0; b < count; b++, at++)
            value = value << 1 | (uint)(bytes[at >> 3] >> (7 - (at & 7)) & 1);
        return value;
    }
}
