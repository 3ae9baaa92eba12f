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
        foreach (var datagram in sent)
            sender.SendTo(datagram, socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => taken.Count == sent.Count, TimeSpan.FromSeconds(5)), $"{taken.Count} of {sent.Count}");
        Assert.Equal(sent, taken);
        Assert.All(failures, Assert.Null);

        sender.SendTo(new byte[7], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => failures.Any(f => f is not null), TimeSpan.FromSeconds(5)));
        Assert.Equal("receiving failed: a sink's fault", failures.First(f => f is not null));
        sender.SendTo(sent[0], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => taken.Count == sent.Count + 1, TimeSpan.FromSeconds(5)), "nothing taken after the sink threw");
        Assert.True(SpinWait.SpinUntil(() => failures.Last() is null, TimeSpan.FromSeconds(5)), "the failure stays reported");

        socket.Dispose();
        Assert.True(loop.Join(TimeSpan.FromSeconds(2)), "the loop goes on after its socket closed");
    }
}
