using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Playout.Engine.Producers.St2110;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// An ST 2110 input's receiving loop, batched (Linux) and one datagram a call (elsewhere): every datagram in order and
/// whole, a sink that throws is reported and the loop goes on, and closing the socket ends it.
/// </summary>
public class RtpListenerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_datagram_reaches_the_sink_in_order_a_throwing_sink_is_reported_and_closing_ends_the_loop(bool batched)
    {
        var socket = RtpListener.Open(IPAddress.Loopback, FreePorts.Udp());
        var taken = new ConcurrentQueue<byte[]>();
        var failures = new ConcurrentQueue<string?>();
        var loop = new Thread(() => RtpListener.Run(socket, datagram =>
        {
            if (datagram.Length == 7)
                throw new InvalidDataException("a sink's fault");
            taken.Enqueue(datagram.ToArray());
        }, failures.Enqueue, batched)) { IsBackground = true };
        loop.Start();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var sent = Enumerable.Range(0, 300).Select(i => Enumerable.Range(0, 8 + i * 29 % 1400).Select(b => (byte)(b ^ i)).ToArray()).ToList();
        // In groups a small receive buffer holds (the kernel caps it at net.core.rmem_max), each taken before the next.
        foreach (var group in sent.Chunk(30))
        {
            int before = taken.Count;
            foreach (var datagram in group)
                sender.SendTo(datagram, socket.LocalEndPoint!);
            Assert.True(SpinWait.SpinUntil(() => taken.Count == before + group.Length, TimeSpan.FromSeconds(5)), $"{taken.Count} of {sent.Count}");
        }
        Assert.Equal(sent, taken);
        Assert.All(failures, Assert.Null);

        // The sink fails on the middle one of three datagrams sent together (one batch, where batched): the others are
        // still taken, the failure is reported, and cleared by the next datagram.
        sender.SendTo(sent[1], socket.LocalEndPoint!);
        sender.SendTo(new byte[7], socket.LocalEndPoint!);
        sender.SendTo(sent[2], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => taken.Count == sent.Count + 2, TimeSpan.FromSeconds(5)), "a datagram after the sink's fault was lost");
        Assert.Equal([sent[1], sent[2]], taken.Skip(sent.Count));
        Assert.Equal("receiving failed: a sink's fault", failures.First(f => f is not null));
        sender.SendTo(sent[0], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => taken.Count == sent.Count + 3, TimeSpan.FromSeconds(5)), "nothing taken after the sink threw");
        Assert.True(SpinWait.SpinUntil(() => failures.Last() is null, TimeSpan.FromSeconds(5)), "the failure stays reported");

        socket.Dispose();
        Assert.True(loop.Join(TimeSpan.FromSeconds(2)), "the loop goes on after its socket closed");
    }
}
