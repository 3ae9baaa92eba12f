using System.Net;
using System.Net.Sockets;
using Playout.Engine.Consumers;

namespace Playout.Engine.Tests;

/// <summary>Batched sends: what arrives is every packet added, in order and whole, segmented by the kernel or one at a time.</summary>
public class RtpSenderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_packet_added_arrives_whole_and_in_order(bool segmented)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20, ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new RtpSender((IPEndPoint)listener.LocalEndPoint!, 1, segmented);
        // Runs of equal packets, a shorter one ending a run, runs longer than one call carries, a lone packet, a larger one.
        int[] sizes = [.. Enumerable.Repeat(1240, 20), 300, .. Enumerable.Repeat(1240, 150), 900, 900, 1240, 64, 1400];
        var sent = sizes.Select((size, i) => Enumerable.Range(0, size).Select(b => (byte)(b * 7 + i)).ToArray()).ToList();
        for (int i = 0; i < sent.Count; i++)
        {
            sender.Add(sent[i]);
            if (i % 40 == 39)
                sender.Flush();
        }
        sender.Flush();
        Assert.Equal(segmented, sender.Segmented);
        var buffer = new byte[2048];
        foreach (var packet in sent)
        {
            int length = listener.Receive(buffer);
            Assert.Equal(packet, buffer[..length]);
        }
        listener.ReceiveTimeout = 100;
        Assert.Throws<SocketException>(() => listener.Receive(buffer));
    }
}
