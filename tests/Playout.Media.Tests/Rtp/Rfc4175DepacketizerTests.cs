using Playout.Media.Rtp;
using Playout.Media.Tests.Kernels;

namespace Playout.Media.Tests.Rtp;

/// <summary>The receiver's side of RFC 4175: our packets, in any order, rebuild the picture; junk is set aside, never written.</summary>
public class Rfc4175DepacketizerTests
{
    [Theory]
    [InlineData(1280, 8, false, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(720, 10, true, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(1920, 4, true, 1460)]
    [InlineData(2, 6, false, 64)]
    [InlineData(3840, 4, false, Rfc4175Packetizer.DefaultPacketBytes)]
    [InlineData(7680, 6, true, Rfc4175Packetizer.DefaultPacketBytes)]
    public void Packets_in_any_order_rebuild_every_line(int width, int height, bool interlaced, int packetBytes)
    {
        var packetizer = new Rfc4175Packetizer(width, interlaced ? height / 2 : height, ssrc: 9, payloadType: 96, packetBytes);
        int lineBytes = packetizer.LineBytes;
        var picture = KernelInputs.Bytes(lineBytes * height, width + height);
        var packets = new List<byte[]>();
        if (interlaced)
        {
            packetizer.Send(picture, 2 * lineBytes, 1000, secondField: false, p => packets.Add(p.ToArray()));
            packetizer.Send(picture.AsSpan(lineBytes), 2 * lineBytes, 2800, secondField: true, p => packets.Add(p.ToArray()));
        }
        else
            packetizer.Send(picture, lineBytes, 1000, secondField: false, p => packets.Add(p.ToArray()));
        var depacketizer = new Rfc4175Depacketizer(width, height, interlaced, 96);
        var rebuilt = new byte[picture.Length];
        var order = packets.OrderBy(_ => Random.Shared.Next()).ToList();
        long bytes = 0;
        foreach (var packet in order)
        {
            var read = depacketizer.Read(packet, rebuilt);
            Assert.Equal(RtpPacketProblem.None, read.Problem);
            Assert.Equal(packets.IndexOf(packet) == packets.Count - 1 || (interlaced && read.Marker && read.Field == 0), read.Marker);
            bytes += read.Bytes;
        }
        Assert.Equal(picture.Length, bytes);
        Assert.Equal(picture, rebuilt);
    }

    /// <summary>Every single-byte change and every cut of real packets, and random datagrams: read or set aside, never out of place.</summary>
    [Fact]
    public void Damaged_and_random_datagrams_are_set_aside_and_never_written_outside_the_picture()
    {
        const int width = 64, height = 4;
        var packetizer = new Rfc4175Packetizer(width, height, 1, 96, 100);
        var picture = KernelInputs.Bytes(packetizer.LineBytes * height, 3);
        var packets = new List<byte[]>();
        packetizer.Send(picture, packetizer.LineBytes, 0, false, p => packets.Add(p.ToArray()));
        var depacketizer = new Rfc4175Depacketizer(width, height, interlaced: false, 96);
        // The picture sits inside a larger buffer: a write outside it would show in the guard bytes around it.
        var buffer = new byte[picture.Length + 2 * 4096];
        var lines = buffer.AsSpan(4096, picture.Length);
        var random = new Random(5);
        var problems = new HashSet<RtpPacketProblem>();
        foreach (var packet in packets)
        {
            for (int at = 0; at < Math.Min(packet.Length, 30); at++)
                for (int bit = 0; bit < 8; bit++)
                {
                    var damaged = (byte[])packet.Clone();
                    damaged[at] ^= (byte)(1 << bit);
                    problems.Add(depacketizer.Read(damaged, lines).Problem);
                }
            for (int cut = 0; cut < packet.Length; cut++)
                problems.Add(depacketizer.Read(packet.AsSpan(0, cut), lines).Problem);
        }
        for (int i = 0; i < 20_000; i++)
        {
            var junk = new byte[random.Next(0, 300)];
            random.NextBytes(junk);
            if (junk.Length > 1 && random.Next(2) == 0)
                (junk[0], junk[1]) = (0x80, 96);
            problems.Add(depacketizer.Read(junk, lines).Problem);
        }
        Assert.Superset(new HashSet<RtpPacketProblem> { RtpPacketProblem.None, RtpPacketProblem.NotRtp, RtpPacketProblem.OtherPayloadType, RtpPacketProblem.Malformed }, problems);
        Assert.Equal(4, problems.Count);
        Assert.True(buffer.AsSpan(0, 4096).IndexOfAnyExcept((byte)0) < 0 && buffer.AsSpan(4096 + picture.Length).IndexOfAnyExcept((byte)0) < 0,
            "a datagram was written outside the picture");
    }

    [Fact]
    public void A_second_field_in_a_progressive_flow_is_malformed()
    {
        var packetizer = new Rfc4175Packetizer(64, 4, 1);
        var packets = new List<byte[]>();
        packetizer.Send(new byte[packetizer.LineBytes * 4], packetizer.LineBytes, 0, secondField: true, p => packets.Add(p.ToArray()));
        Assert.Equal(RtpPacketProblem.Malformed, new Rfc4175Depacketizer(64, 4, false, 96).Read(packets[0], new byte[packetizer.LineBytes * 4]).Problem);
    }
}
