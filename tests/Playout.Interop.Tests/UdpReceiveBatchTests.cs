using System.Net;
using System.Net.Sockets;

namespace Playout.Interop.Tests;

/// <summary>Batched receives (Linux): every datagram waiting, in order and whole, at most a batch a call, and none waited for.</summary>
public class UdpReceiveBatchTests
{
    [Fact]
    public void The_datagrams_waiting_are_taken_in_order_whole_a_batch_at_a_time_and_a_longer_one_is_cut()
    {
        Assert.True(UdpReceiveBatch.IsAvailable, "batched receives exist on 64-bit Linux");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var batch = new UdpReceiveBatch(1500);
        Assert.Equal(0, batch.Receive(listener));
        Assert.Equal(0, batch.Count);

        // More than two batches, of every size up to the slot, an empty one, and one longer than the slot.
        int[] sizes = [.. Enumerable.Range(0, 70).Select(i => 1 + i * 21), 0, 1500, 2000];
        var sent = sizes.Select((size, i) => Enumerable.Range(0, size).Select(b => (byte)(b * 13 + i)).ToArray()).ToList();
        foreach (var datagram in sent)
            sender.SendTo(datagram, listener.LocalEndPoint!);
        var taken = new List<byte[]>();
        for (var deadline = DateTime.UtcNow.AddSeconds(5); taken.Count < sent.Count && DateTime.UtcNow < deadline;)
        {
            int count = batch.Receive(listener);
            Assert.InRange(count, 0, UdpReceiveBatch.Capacity);
            Assert.Equal(count, batch.Count);
            taken.AddRange(Enumerable.Range(0, count).Select(i => batch[i].ToArray()));
        }
        Assert.Equal(sent.Count, taken.Count);
        for (int i = 0; i < sent.Count - 1; i++)
            Assert.Equal(sent[i], taken[i]);
        Assert.Equal(sent[^1][..1500], taken[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[batch.Count].Length);
        Assert.Equal(0, batch.Receive(listener));
    }

    [Fact]
    public void A_closed_socket_is_said_so()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Dispose();
        Assert.Throws<ObjectDisposedException>(() => new UdpReceiveBatch(100).Receive(socket));
    }
}
