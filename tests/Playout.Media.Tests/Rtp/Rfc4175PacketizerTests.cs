using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Rtp;
using Playout.Media.Tests.Kernels;
using Playout.TestSupport;

namespace Playout.Media.Tests.Rtp;

/// <summary>RFC 4175 / ST 2110-20 packets: their headers read back into the picture sent, and FFmpeg's receiver takes them.</summary>
public class Rfc4175PacketizerTests
{
    /// <summary>Frames the receiver writes before it exits.</summary>
    private const int Frames = 5;

    /// <summary>720p (1280: a packet runs on into the next line), HD, 720×576, a tiny picture whose lines are shorter than a packet.</summary>
    [Theory]
    [InlineData(1280, 6, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(1920, 4, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(720, 5, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(2, 30, 64)]
    [InlineData(1920, 3, 1460)]
    [InlineData(3840, 3, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(7680, 3, Rfc4175Packetizer.DefaultPacketBytes)]
    public void Packets_carry_every_pixel_group_once_in_order_within_their_size(int width, int height, int packetBytes)
    {
        var packetizer = new Rfc4175Packetizer(width, height, ssrc: 0x1234_5678, payloadType: 98, packetBytes) { Sequence = 0xFFFF_FFFE };
        int stride = packetizer.LineBytes + 7;
        var lines = KernelInputs.Bytes(stride * height, width);
        var rebuilt = new byte[lines.Length];
        var packets = new List<byte[]>();
        int sent = packetizer.Send(lines, stride, timestamp: 90_000, secondField: true, packet => packets.Add(packet.ToArray()));
        Assert.Equal(packets.Count, sent);
        Assert.Equal(sent, packetizer.PacketsPerField);
        uint sequence = 0xFFFF_FFFE;
        foreach (var packet in packets)
        {
            Assert.InRange(packet.Length, Rfc4175Packetizer.HeaderBytes + 11, packetBytes);
            Assert.Equal(0x80, packet[0]);
            Assert.Equal(98, packet[1] & 0x7F);
            Assert.Equal(packet == packets[^1], (packet[1] & 0x80) != 0);
            Assert.Equal(sequence, (uint)BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(12)) << 16 | BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)));
            Assert.Equal(90_000u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
            Assert.Equal(0x1234_5678u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)));
            foreach (var (row, offset, data) in Segments(packet))
            {
                Assert.True(data.Length > 0 && data.Length % 5 == 0, $"a segment of {data.Length} bytes");
                int at = row * stride + offset / 2 * 5;
                Assert.True(rebuilt.AsSpan(at, data.Length).IndexOfAnyExcept((byte)0) < 0, $"row {row} offset {offset} sent twice");
                data.CopyTo(rebuilt.AsSpan(at));
            }
            sequence++;
        }
        Assert.Equal(sequence, packetizer.Sequence);
        for (int row = 0; row < height; row++)
            Assert.True(lines.AsSpan(row * stride, packetizer.LineBytes).SequenceEqual(rebuilt.AsSpan(row * stride, packetizer.LineBytes)), $"row {row}");
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(1920, 0)]
    [InlineData(1920, 40000)]
    public void Sizes_it_cannot_carry_are_refused_by_name(int width, int height)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4175Packetizer(width, height, 1));
        Assert.Equal(width <= 0 || width % 2 != 0 ? "width" : "height", error.ParamName);
    }

    [Fact]
    public void Lines_too_short_for_the_picture_are_refused_with_the_sizes()
    {
        var packetizer = new Rfc4175Packetizer(64, 4, 1);
        var error = Assert.Throws<ArgumentException>(() => packetizer.Send(new byte[3 * 160 + 100], 160, 0, false, _ => { }));
        Assert.Contains("need 640 bytes; got 580", error.Message);
    }

    [Fact]
    public void The_sdp_says_what_st_2110_20_and_rfc_4175_receivers_read()
    {
        var sdp = new St2110VideoSdp("Playout channel 1", IPAddress.Parse("10.0.0.5"), IPAddress.Parse("239.1.2.3"), 5004, 1920, 1080,
            new Rational(30000, 1001), Interlaced: true, Colorimetry.Bt709).Text();
        Assert.Contains("m=video 5004 RTP/AVP 96\r\n", sdp);
        Assert.Contains("c=IN IP4 239.1.2.3/64\r\n", sdp);
        Assert.Contains("a=rtpmap:96 raw/90000\r\n", sdp);
        Assert.Contains("a=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080; exactframerate=30000/1001; depth=10; TCS=SDR; " +
            "colorimetry=BT709; PM=2110GPM; SSN=ST2110-20:2017; TP=2110TPW; interlace;\r\n", sdp);
        Assert.Contains("a=mediaclk:direct=0\r\n", sdp);
        Assert.StartsWith("v=0\r\n", sdp);
        var narrow = new St2110VideoSdp("Playout channel 1", IPAddress.Parse("10.0.0.5"), IPAddress.Parse("239.1.2.3"), 5004, 1920, 1080,
            new Rational(50, 1), Interlaced: false, Colorimetry.Bt709) { Pacing = St2110Pacing.Narrow }.Text();
        Assert.Contains("SSN=ST2110-20:2017; TP=2110TPN;\r\n", narrow);
    }

    /// <summary>
    /// FFmpeg's RFC 4175 receiver, started on the SDP, takes a flow sent over loopback and decodes it to the very samples
    /// sent: frames are sent until it has written the ones it asked for, and one after the first (which it may join late) must
    /// be whole.
    /// </summary>
    [Theory]
    [InlineData(1280, 720)]
    [InlineData(64, 36)]
    public async Task Ffmpeg_receives_the_flow_and_decodes_the_samples_sent(int width, int height)
    {
        using var folder = new TempDirectory();
        // Tight yuv422p10le, as ffmpeg writes it: Y, then Cb, then Cr, whole picture each; every 10-bit code, edge codes too.
        var samples = KernelInputs.Samples(2 * width * height, width);
        var picture = System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();
        int lineBytes = St2110Pgroup.LineBytes(width), half = width / 2;
        var flow = new byte[lineBytes * height];
        Span<ushort> luma = samples.AsSpan(0, width * height), cb = samples.AsSpan(width * height, half * height);
        Span<ushort> cr = samples.AsSpan(width * height + half * height);
        for (int line = 0; line < height; line++)
            St2110Pgroup.Pack(luma.Slice(line * width, width), cb.Slice(line * half, half), cr.Slice(line * half, half),
                flow.AsSpan(line * lineBytes, lineBytes), width);
        int port = FreePorts.RtpPair();
        string sdpPath = Path.Combine(folder.Path, "flow.sdp"), output = Path.Combine(folder.Path, "out.yuv");
        File.WriteAllText(sdpPath, new St2110VideoSdp("test", IPAddress.Loopback, IPAddress.Loopback, port, width, height, new Rational(25),
            Interlaced: false, Colorimetry.Bt709).Text());
        using var receiver = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg", Ffmpeg.RtpReceiverArguments(sdpPath, Frames, output))
        {
            RedirectStandardError = true,
        })!;
        var errors = receiver.StandardError.ReadToEndAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var destination = new IPEndPoint(IPAddress.Loopback, port);
        var packetizer = new Rfc4175Packetizer(width, height, ssrc: 7);
        int sentPackets = 0;
        for (uint frame = 0; !receiver.HasExited && frame < 500; frame++)
        {
            packetizer.Send(flow, lineBytes, frame * 3600, secondField: false, packet =>
            {
                socket.SendTo(packet, destination);
                // Paced: a burst of a whole frame would overrun the receiver's socket buffer on loopback.
                if (++sentPackets % 64 == 0)
                    Thread.Sleep(1);
            });
            Thread.Sleep(40);
        }
        Assert.True(receiver.WaitForExit(TimeSpan.FromSeconds(20)), "ffmpeg did not finish");
        Assert.True(receiver.ExitCode == 0, await errors);
        var received = File.ReadAllBytes(output);
        Assert.Equal(Frames * picture.Length, received.Length);
        Assert.True(Ffmpeg.AnyFrameAfterTheFirstIs(received, picture), "no frame received after the first is the frame sent");
    }

    private static IEnumerable<(int Row, int Offset, byte[] Data)> Segments(byte[] packet)
    {
        // The SRDs come first, each but the last with the continuation bit; then their data in the same order.
        int end = Rfc4175Packetizer.HeaderBytes;
        do
            end += 6;
        while ((packet[end - 2] & 0x80) != 0);
        var segments = new List<(int, int, byte[])>();
        int data = end;
        for (int at = Rfc4175Packetizer.HeaderBytes; at < end; at += 6)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(at)), row = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(at + 2));
            Assert.Equal(0x8000, row & 0x8000);
            int offset = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(at + 4)) & 0x7FFF;
            segments.Add((row & 0x7FFF, offset, packet.AsSpan(data, length).ToArray()));
            data += length;
        }
        Assert.Equal(packet.Length, data);
        return segments;
    }
}
