using System.Buffers.Binary;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.Media.Time;

namespace Playout.Media.Tests.Rtp;

/// <summary>
/// RFC 8331 / ST 2110-40 packets read back bit by bit by a reader written from the RFC's layout, and ST 12-2 time code
/// user data read back to the time code at every rate. (Debian 12's GStreamer and tshark have no RFC 8331 reader to
/// compare with.)
/// </summary>
public class Rfc8331PacketizerTests
{
    [Theory]
    [InlineData(0, 0b00)]
    [InlineData(1, 0b10)]
    [InlineData(2, 0b11)]
    public void Each_ancillary_packet_reads_back_with_its_parity_checksum_and_alignment(int field, int flags)
    {
        var random = new Random(field);
        var anc = new[]
        {
            new AncillaryPacket(0x60, 0x60, 9, [.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]),
            new AncillaryPacket(0x41, 0x07, 12, [.. Enumerable.Range(0, 37).Select(_ => (byte)random.Next(256))]),
            new AncillaryPacket(0x61, 0x01, 2047, []),
        };
        var packetizer = new Rfc8331Packetizer(0xABCD_0123, 101) { Sequence = 0x0001_FFFF };
        byte[] packet = [];
        packetizer.Send(anc, 123_456, field, p => packet = p.ToArray());
        Assert.Equal((0x80, 0x80 | 101), (packet[0], packet[1]));
        Assert.Equal(0x0001_FFFFu, (uint)BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(12)) << 16 | BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)));
        Assert.Equal(123_456u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
        Assert.Equal(0xABCD_0123u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)));
        Assert.Equal(packet.Length - 20, BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(14)));
        Assert.Equal(anc.Length, packet[16]);
        Assert.Equal(flags, packet[17] >> 6);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(16)) & 0x3F_FFFF);
        int at = 20 * 8;
        foreach (var expected in anc)
        {
            int start = at;
            Assert.Equal((0u, (uint)expected.Line, 0xFFFu, 0u, 0u), (Bits(packet, ref at, 1), Bits(packet, ref at, 11), Bits(packet, ref at, 12),
                Bits(packet, ref at, 1), Bits(packet, ref at, 7)));
            var words = new List<uint>();
            for (int i = 0; i < 3 + expected.UserData.Length; i++)
                words.Add(Bits(packet, ref at, 10));
            uint checksum = Bits(packet, ref at, 10);
            foreach (var word in words)
            {
                uint parity = (uint)System.Numerics.BitOperations.PopCount(word & 0xFF) & 1;
                Assert.Equal((parity, parity ^ 1), (word >> 8 & 1, word >> 9 & 1));
            }
            Assert.Equal([expected.Did, expected.Sdid, (byte)expected.UserData.Length, .. expected.UserData], words.Select(w => (byte)w));
            uint sum = (uint)words.Sum(w => (long)(w & 0x1FF)) & 0x1FF;
            Assert.Equal(sum | ((sum >> 8 & 1) ^ 1) << 9, checksum);
            // Word-aligned: the next packet starts on a 32-bit boundary, the padding zero.
            int aligned = (at - start + 31) / 32 * 32 + start;
            while (at < aligned)
                Assert.Equal(0u, Bits(packet, ref at, 1));
        }
        Assert.Equal(packet.Length * 8, at);
        Assert.Equal(0x0002_0000u, packetizer.Sequence);
    }

    [Fact]
    public void More_than_a_packet_holds_is_refused()
    {
        var packetizer = new Rfc8331Packetizer(1);
        var big = Enumerable.Range(0, 8).Select(_ => new AncillaryPacket(0x41, 0x07, 9, new byte[255])).ToArray();
        Assert.Throws<ArgumentException>(() => packetizer.Send(big, 0, 0, _ => { }));
        Assert.Throws<ArgumentException>(() => packetizer.Send([new AncillaryPacket(1, 1, 9, new byte[256])], 0, 0, _ => { }));
    }

    /// <summary>12:34:56:21 at 25: digits in the upper nibbles of words 1, 3, … (frames first), DBB1 in bit 3 of words 1–8.</summary>
    [Fact]
    public void A_time_code_is_its_digits_in_the_odd_words()
    {
        var words = AncillaryTimecode.UserData(new Timecode(12, 34, 56, 21, TimecodeRate.Fps25), payloadType: 0x05);
        Assert.Equal(new byte[] { 0x18, 0x00, 0x28, 0x00, 0x60, 0x00, 0x50, 0x00, 0x40, 0, 0x30, 0, 0x20, 0, 0x10, 0 }, words);
        var df = AncillaryTimecode.UserData(new Timecode(1, 2, 3, 4, TimecodeRate.Fps29_97DropFrame));
        Assert.Equal(0x40, df[2] & 0x40);
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Every_time_code_of_a_rate_reads_back(string rateName)
    {
        var rate = TimecodeRate.Parse(rateName);
        var random = new Random(rate.Base);
        for (int i = 0; i < 2000; i++)
        {
            var timecode = Timecode.FromFrameCount(random.NextInt64(rate.FramesPerDay), rate);
            var read = AncillaryTimecode.Read(AncillaryTimecode.UserData(timecode));
            int frames = rate.Base > 30 ? timecode.Frames / 2 : timecode.Frames;
            Assert.Equal((timecode.Hours, timecode.Minutes, timecode.Seconds, frames, timecode.DropFrame, AncillaryTimecode.Ltc), read);
        }
    }

    public static TheoryData<string> Rates => ["23.976", "24", "25", "29.97df", "29.97ndf", "30", "50", "59.94df", "60"];

    private static uint Bits(byte[] packet, ref int at, int count)
    {
        uint value = 0;
        for (int i = 0; i < count; i++, at++)
            value = value << 1 | (uint)(packet[at >> 3] >> (7 - (at & 7)) & 1);
        return value;
    }
}
