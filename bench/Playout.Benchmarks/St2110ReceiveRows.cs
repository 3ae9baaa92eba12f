using System.Diagnostics;
using System.Net;
using Playout.Engine.Consumers;
using Playout.Engine.Producers.St2110;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Rtp;

namespace Playout.Benchmarks;

/// <summary>
/// The receiving side of an ST 2110-20 flow over loopback: the input's receiving loop (<see cref="RtpListener"/>) takes
/// datagrams one a system call (as elsewhere) or in batches (<see cref="UdpReceiveBatch"/>, as on Linux) while this thread
/// floods the socket with 1080p pgroup packets (segmented sends of 16) as fast as it goes. Shown: datagrams a second
/// offered and taken, and the receiving thread's CPU per datagram, the figure that decides how many flows a core takes.
/// </summary>
internal static class St2110ReceiveRows
{
    public static void Write(double seconds, TextWriter output)
    {
        output.WriteLine("| Receiving (1080p packets, flooded) | Offered, datagrams/s | Taken, datagrams/s | Taken | Receiver cores | Core-µs a datagram |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (bool batched in new[] { false, true, false, true })
        {
            if (batched && !UdpReceiveBatch.IsAvailable)
                continue;
            var (offered, taken, cores) = Flood(batched, seconds);
            output.WriteLine($"| {(batched ? $"batched, up to {UdpReceiveBatch.Capacity} a call" : "one a call")} | {offered / seconds:N0} | " +
                $"{taken / seconds:N0} | {taken / (double)offered:P0} | {cores:F2} | {cores * seconds * 1e6 / taken:F2} |");
        }
    }

    private static (long Offered, long Taken, double Cores) Flood(bool batched, double seconds)
    {
        var socket = RtpListener.Open(IPAddress.Loopback, 0);
        long taken = 0, nanoseconds = 0;
        var receiver = new Thread(() =>
        {
            long cpu = ThreadCpu.Current();
            RtpListener.Run(socket, _ => taken++, _ => { }, batched);
            nanoseconds = ThreadCpu.Current() - cpu;
        }) { IsBackground = true, Name = "st2110 receive bench" };
        var format = VideoFormats.Parse("1080p50");
        var packetizer = new Rfc4175Packetizer(format.Width, format.Height, 1);
        var lines = new byte[packetizer.LineBytes * format.Height];
        new Random(5).NextBytes(lines);
        using var sender = new RtpSender((IPEndPoint)socket.LocalEndPoint!, 1);
        long offered = 0;
        RtpPacketSink sink = packet =>
        {
            sender.Add(packet);
            if (++offered % 16 == 0)
                sender.Flush();
        };
        receiver.Start();
        var clock = Stopwatch.StartNew();
        for (uint frame = 0; clock.Elapsed.TotalSeconds < seconds; frame++)
        {
            packetizer.Send(lines, packetizer.LineBytes, frame, false, sink);
            sender.Flush();
        }
        Thread.Sleep(100);
        socket.Dispose();
        receiver.Join();
        return (offered, taken, nanoseconds / 1e9 / seconds);
    }
}
