using System.Buffers.Binary;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Media.Tests.Rtp;

/// <summary>L24 / ST 2110-30 packets: a model reads them back into the sound sent, over every cadence a frame rate gives.</summary>
public class L24PacketizerTests
{
    /// <summary>Frame rates whose sound does not divide into packets (1601/1602 and 800.8 samples), and ones that do; one
    /// channel to all sixteen; 1 ms and 125 µs packets.</summary>
    [Theory]
    [InlineData("1080i59.94", 2, 48)]
    [InlineData("720p59.94", 16, 48)]
    [InlineData("1080p23.98", 1, 48)]
    [InlineData("720p50", 8, 6)]
    [InlineData("4320p60", 3, 6)]
    public void Packets_carry_every_sample_once_in_order_with_its_clock(string formatName, int channels, int samplesPerPacket)
    {
        const int source = 16;
        var format = VideoFormats.Parse(formatName);
        var random = new Random(channels * samplesPerPacket);
        var packetizer = new L24Packetizer(channels, samplesPerPacket, ssrc: 0xCAFE_F00D, payloadType: 100) { Sequence = 0xFFF0 };
        var sent = new List<int>();
        var packets = new List<(byte[] Packet, long Start)>();
        long frames = 3 * format.AudioCadence.Count + 4;
        for (long frame = 0; frame < frames; frame++)
        {
            // Codes on the 24-bit grid, full scale included, as floats: they go out exactly.
            var samples = Enumerable.Range(0, format.AudioSamplesForFrame(frame) * source)
                .Select(_ => random.Next(-8_388_608, 8_388_608) / 8388608f).ToArray();
            for (int i = 0; i < samples.Length; i += source)
                sent.AddRange(samples.Skip(i).Take(channels).Select(L24Packetizer.Code));
            packetizer.Send(samples, source, format.FirstAudioSample(frame), p => packets.Add((p.ToArray(), packetizer.PacketStart)));
        }
        long total = format.FirstAudioSample(frames);
        Assert.Equal(total / samplesPerPacket, packets.Count);
        var received = new List<int>();
        ushort sequence = 0xFFF0;
        for (int n = 0; n < packets.Count; n++)
        {
            var (packet, start) = packets[n];
            Assert.Equal(RtpHeader.Bytes + channels * samplesPerPacket * 3, packet.Length);
            Assert.Equal(0x80, packet[0]);
            Assert.Equal(100, packet[1]);
            Assert.Equal(sequence++, BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)));
            Assert.Equal((uint)(n * samplesPerPacket), BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
            Assert.Equal(n * samplesPerPacket, start);
            Assert.Equal(0xCAFE_F00Du, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)));
            for (int at = RtpHeader.Bytes; at < packet.Length; at += 3)
                received.Add(packet[at] << 24 >> 8 | packet[at + 1] << 8 | packet[at + 2]);
        }
        Assert.Equal(sent.Take(received.Count), received);
    }

    [Fact]
    public void Sound_that_does_not_follow_on_abandons_the_packet_begun_and_starts_again_at_its_own_clock()
    {
        var packetizer = new L24Packetizer(2, 48, ssrc: 1);
        var starts = new List<uint>();
        RtpPacketSink sink = p => starts.Add(BinaryPrimitives.ReadUInt32BigEndian(p[4..]));
        Assert.Equal(2, packetizer.Send(new float[100 * 2], 2, 0, sink));
        // Samples 96..99 wait for the next frame; frame 2 (from 1000) never comes, frame 3 starts at 2000.
        Assert.Equal(2, packetizer.Send(new float[100 * 2], 2, 2000, sink));
        Assert.Equal([0u, 48u, 2000u, 2048u], starts);
        // A clock past 2^32 samples (a day on air) wraps the timestamp, not the count.
        Assert.Equal(1, packetizer.Send(new float[48 * 2], 2, (1L << 32) + 5, sink));
        Assert.Equal(5u, starts[^1]);
    }

    [Theory]
    [InlineData(1f, 8_388_607)]
    [InlineData(-1f, -8_388_608)]
    [InlineData(7.5f, 8_388_607)]
    [InlineData(float.NegativeInfinity, -8_388_608)]
    [InlineData(float.NaN, 0)]
    [InlineData(0.5f / 8388608, 0)]
    [InlineData(1.5f / 8388608, 2)]
    [InlineData(-2.5f / 8388608, -2)]
    [InlineData(0.25f, 2_097_152)]
    public void A_sample_is_its_nearest_code_clamped_to_24_bits(float sample, int code) => Assert.Equal(code, L24Packetizer.Code(sample));

    [Fact]
    public void What_it_cannot_carry_is_refused_with_the_reason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new L24Packetizer(2, 48, 1, payloadType: 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => new L24Packetizer(0, 48, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new L24Packetizer(64, 48, 1));
        var packetizer = new L24Packetizer(8, 48, 1);
        var error = Assert.Throws<ArgumentException>(() => packetizer.Send(new float[96 * 2], 2, 0, _ => { }));
        Assert.Contains("8 channels", error.Message);
        Assert.Throws<ArgumentException>(() => packetizer.Send(new float[97], 16, 0, _ => { }));
    }

    [Fact]
    public void A_frame_is_packetized_without_allocating()
    {
        var format = VideoFormats.Parse("1080i59.94");
        var packetizer = new L24Packetizer(16, 48, 1);
        var samples = new float[1602 * 16];
        long bytes = 0;
        RtpPacketSink sink = p => bytes += p.Length;
        long frame = 0;
        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            for (long end = frame + 20; frame < end; frame++)
                packetizer.Send(samples.AsSpan(0, format.AudioSamplesForFrame(frame) * 16), 16, format.FirstAudioSample(frame), sink);
        }));
        Assert.True(bytes > 0);
    }
}
