using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// An "st2110" output with <c>"pacing": "narrow"</c>: its SDP declares a narrow sender, and each field's packets, timed by
/// the kernel as they reach a loopback socket, fit ST 2110-21's narrow limits (CMAX and VRX_FULL), where the wide sender's
/// bursts of 16 do not. Real time: the sender spins to each burst's slot.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class St2110NarrowSenderTests
{
    [Theory]
    [InlineData("720p50")]
    [InlineData("1080i50")]
    public void Every_field_of_a_narrow_sender_fits_the_narrow_model(string formatName)
    {
        var (model, fields, sdp) = Measure(formatName, "narrow");
        Assert.Contains("TP=2110TPN;", sdp);
        Assert.True(fields.Count >= 4, $"{fields.Count} whole fields measured");
        Assert.All(fields, field => Assert.Equal("narrow", model.Verdict(field)));
    }

    [Fact]
    public void A_wide_senders_fields_do_not_fit_the_narrow_model()
    {
        var (model, fields, sdp) = Measure("720p50", "wide");
        Assert.Contains("TP=2110TPW;", sdp);
        Assert.True(fields.Count >= 4, $"{fields.Count} whole fields measured");
        Assert.All(fields, field => Assert.Equal("wide", model.Verdict(field)));
    }

    [Fact]
    public void A_sender_type_it_does_not_know_is_named()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With("pacing", "linear"))));
        Assert.Equal("pacing", error.Key);
        Assert.Contains("'linear'", error.Message);
    }

    /// <summary>Sends six frames through the output and measures each whole field but the first and the last, from its first packet's arrival less TRO.</summary>
    private static (St2110TrafficModel Model, List<St2110Traffic> Fields, string Sdp) Measure(string formatName, string pacing)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var receiver = new Receiver();
        using var consumer = (St2110Consumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", receiver.EndPoint.ToString()).With("pacing", pacing)));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        for (long tick = 0; tick < 6; tick++)
            consumer.Send(tick, frame, audio);
        frame.Release();
        audio.Release();
        var model = consumer.Traffic;
        var fields = receiver.Fields(model.Packets).Skip(1).SkipLast(1)
            .Select(arrivals => model.Measure([.. arrivals.Select(at => (at - arrivals[0]) / 1e9 + model.Tro)])).ToList();
        return (model, fields, consumer.Sdp);
    }

    /// <summary>A loopback socket drained by its own thread, keeping each datagram's kernel arrival time by RTP timestamp.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20, ReceiveTimeout = 100 };
        private readonly List<(long At, uint Timestamp, uint Sequence)> _arrivals = new(100_000);
        private readonly Thread _thread;
        private volatile bool _stop;

        public Receiver()
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            KernelTimestamps.Enable(_socket);
            _thread = new Thread(Run) { IsBackground = true };
            _thread.Start();
        }

        public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

        /// <summary>Each field's arrival times (ns) in sending order, for the fields that arrived whole.</summary>
        public List<long[]> Fields(int packets)
        {
            Thread.Sleep(200);
            _stop = true;
            _thread.Join();
            return [.. _arrivals.GroupBy(a => a.Timestamp).Select(g => g.OrderBy(a => a.Sequence).Select(a => a.At).ToArray()).Where(f => f.Length == packets)];
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
            _socket.Dispose();
        }

        private void Run()
        {
            var buffer = new byte[2048];
            while (!_stop)
            {
                var (length, at) = KernelTimestamps.Receive(_socket, buffer);
                // The sequence number's extension (RFC 4175's payload header) above its 16 bits, so a field's order survives a wrap.
                if (length >= 14)
                    _arrivals.Add((at, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)),
                        (uint)BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(12)) << 16 | BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))));
            }
        }
    }
}
