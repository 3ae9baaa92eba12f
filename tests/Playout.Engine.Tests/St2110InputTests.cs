using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Engine.Producers.St2110;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// The "st2110" input fed by the st2110 and st2110-audio outputs of another channel (two nodes feeding each other): it
/// shows the picture and plays the sound sent, exactly; it rides out loss and reordering with an alarm; a cut link is a loss
/// of signal, and the flow's return is its end.
/// </summary>
// Flows of tens of thousands of packets a second, received and relayed in real time: not beside the other tests.
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class St2110InputTests
{
    [Theory]
    [InlineData("720p50")]
    [InlineData("576i50")]
    [InlineData("480i59.94")]
    public void Our_output_received_by_our_input_is_the_picture_and_the_sound_sent(string formatName)
    {
        using var link = new Link(formatName);
        link.Start();
        var sound = new List<int>();
        Frame? last = null;
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (frame, _) =>
        {
            if (frame.Audio is { } audio && frame.Video is not null)
                sound.AddRange(audio.Samples.ToArray().Select(Media.Rtp.L24Packetizer.Code));
            last?.Release();
            last = frame.Video?.AddRef();
            return sound.Count >= 48_000 * 16 && link.Producer.Counters.Frames > 10;
        }), $"{link.Producer.Counters}");
        Assert.True(link.IsThePicture(last!), "the frame shown is not the picture sent");
        last!.Release();
        // Half a second in a row of the second received exactly (a tick thread starved on a loaded machine makes the input
        // start its reading again, which breaks a run).
        var codes = sound.ToArray();
        int run = NumberedSound.LongestRun(codes, 2, 16);
        Assert.True(run >= 24_000, $"the longest stretch received as sent is {run} sample frames");
        Assert.True(codes.Where((_, i) => i % 16 >= 2).All(c => c == 0), "channels the flow does not carry are silent");
        var counters = link.Producer.Counters;
        Assert.Equal((0L, 0L), (counters.AudioLost, counters.SetAside));
    }

    /// <summary>1 % of each flow's packets dropped and 1 % reordered: the picture stays whole (a lost line keeps the frame
    /// before's, and every frame is the same picture), the loss is counted and alarmed, and the alarm clears once it stops.</summary>
    [Fact]
    public void Loss_and_reordering_are_ridden_out_counted_and_alarmed()
    {
        using var link = new Link("576i50", impaired: true);
        link.VideoRelay!.Drop = link.AudioRelay!.Drop = 0.01;
        link.VideoRelay.Swap = link.AudioRelay.Swap = 0.01;
        link.Start();
        string alarm = $"channel 2/input {link.Producer.Name}/packets";
        bool failed = false;
        Frame? last = null;
        Assert.True(link.Receive(TimeSpan.FromSeconds(15), (frame, shown) =>
        {
            failed |= !shown && link.Producer.Counters.Frames > 0;
            last?.Release();
            last = frame.Video?.AddRef();
            var c = link.Producer.Counters;
            return c.Frames > 75 && c.VideoLost > 0 && c.VideoReordered > 0 && c.AudioLost > 0 && c.AudioReordered > 0 && link.Receiver.Alarms.IsActive(alarm);
        }), $"{link.Producer.Counters}");
        Assert.False(failed, "the input failed a tick while packets were lost");
        Assert.True(link.IsThePicture(last!), "a frame with lines lost does not keep the frame before's");
        last!.Release();
        Assert.Equal(AlarmSeverity.Warning, link.Receiver.Alarms.Active.Single(a => a.Source == alarm).Severity);
        link.VideoRelay.Drop = link.AudioRelay.Drop = link.VideoRelay.Swap = link.AudioRelay.Swap = 0;
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (frame, _) => !link.Receiver.Alarms.IsActive(alarm)), "the loss alarm did not clear");
    }

    [Fact]
    public void A_cut_link_is_a_loss_of_signal_and_its_return_ends_it()
    {
        using var link = new Link("576i50", impaired: true);
        link.Start();
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (_, shown) => shown), "nothing received");
        link.VideoRelay!.Cut = link.AudioRelay!.Cut = true;
        Assert.True(link.Receive(TimeSpan.FromSeconds(5), (_, shown) => !shown), "the cut link did not fail the input");
        Assert.Contains("no signal", link.Producer.Failure);
        link.VideoRelay.Cut = link.AudioRelay.Cut = false;
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (_, shown) => shown), "the flow's return did not bring the input back");
        var loss = Assert.Single(link.Producer.SignalLosses);
        Assert.NotNull(loss.BackTick);
        Assert.Contains("no signal", loss.Reason);
    }

    /// <summary>Junk datagrams on the flow's port beside the flow (random bytes, RTP of another type, headers pointing
    /// outside the picture) are set aside: the picture stays the one sent.</summary>
    [Fact]
    public void Junk_on_the_flows_port_is_set_aside()
    {
        using var link = new Link("720p50");
        link.Start();
        using var junk = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var random = new Random(3);
        Frame? last = null;
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (frame, _) =>
        {
            for (int i = 0; i < 50; i++)
            {
                var datagram = new byte[random.Next(1, 1400)];
                random.NextBytes(datagram);
                if (datagram.Length > 20 && i % 2 == 0)
                    (datagram[0], datagram[1], datagram[4], datagram[5]) = (0x80, 96, 0xFF, 0xFF);
                junk.SendTo(datagram, new IPEndPoint(IPAddress.Loopback, link.VideoPort));
            }
            last?.Release();
            last = frame.Video?.AddRef();
            // RTP of the junk is another sender's: set aside as such.
            return link.Producer.Counters.SetAside + link.Producer.Counters.Foreign > 500 && link.Producer.Counters.Frames > 25;
        }), $"{link.Producer.Counters}");
        Assert.True(link.IsThePicture(last!), "junk changed the picture");
        last!.Release();
    }

    /// <summary>A second sender put on the flow's port with another SSRC, sending another picture: the input keeps the sender
    /// it took, sets the other's packets aside (not counted as loss), shows the picture sent and alarms naming both SSRCs.</summary>
    [Fact]
    public void A_second_sender_on_the_flow_is_set_aside_and_alarmed()
    {
        using var link = new Link("720p50");
        link.Start();
        Assert.True(link.Receive(TimeSpan.FromSeconds(10), (_, shown) => shown), "nothing received");
        using var intruder = new ModuleRegistry(StandardModules.All).CreateConsumer("st2110", new ConsumerRequest(link.Receiver,
            ModuleSettings.Empty.With("destination", $"127.0.0.1:{link.VideoPort}").With("ssrc", 0x0BADF00Du)));
        var black = link.Receiver.VideoPool.Rent();
        black.Commit();
        var silence = link.Receiver.AudioPool.Rent();
        silence.Commit();
        string alarm = $"channel 2/input {link.Producer.Name}/packets";
        Frame? last = null;
        long intruderTick = 0;
        Assert.True(link.Receive(TimeSpan.FromSeconds(15), (frame, _) =>
        {
            intruder.Send(intruderTick++, black, silence);
            last?.Release();
            last = frame.Video?.AddRef();
            return link.Producer.Counters.Foreign > 10_000 && link.Receiver.Alarms.IsActive(alarm);
        }), $"{link.Producer.Counters}");
        Assert.True(link.IsThePicture(last!), "the second sender's picture got in");
        last!.Release();
        Assert.Equal(0, link.Producer.Counters.VideoLost);
        string message = link.Receiver.Alarms.Active.Single(a => a.Source == alarm).Message;
        Assert.Contains("packets of another sender set aside", message);
        Assert.Contains("not 0x0BADF00D", message);
        black.Release();
        silence.Release();
    }

    [Theory]
    [InlineData("1080i50", "line 8: the flow is 720x576 interlaced at 25 frames a second; the channel is 1080i50")]
    [InlineData("576i50", null)]
    public void A_flow_that_is_not_the_channels_format_is_refused_at_its_sdp_line(string channelFormat, string? expected)
    {
        using var folder = new TempDirectory();
        using var sender = Context("576i50", "channel 1");
        using var video = new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(sender, ModuleSettings.Empty.With("destination", $"127.0.0.1:{FreePorts.RtpPair()}").With("sdp", folder.File("v.sdp"))));
        using var receiver = Context(channelFormat, "channel 2");
        var registry = new ModuleRegistry(StandardModules.All);
        if (expected is null)
        {
            using (var producer = registry.CreateProducer("st2110", new ProducerRequest(receiver, folder.File("v.sdp"), ModuleSettings.Empty)))
                Assert.Equal("st2110 v.sdp", producer.Name);
            var missing = Assert.Throws<ModuleSettingException>(() => registry.CreateProducer("st2110",
                new ProducerRequest(receiver, folder.File("v.sdp"), ModuleSettings.Empty.With("audioSdp", folder.File("none.sdp")))));
            Assert.Equal("audioSdp", missing.Key);
            Assert.Contains("none.sdp", missing.Message);
            return;
        }
        var error = Assert.Throws<ModuleSettingException>(() => registry.CreateProducer("st2110", new ProducerRequest(receiver, folder.File("v.sdp"), ModuleSettings.Empty)));
        Assert.Equal("sdp", error.Key);
        Assert.Contains(expected, error.Message);
    }

    private static ChannelContext Context(string format, string name) =>
        new(name, VideoFormats.Parse(format), 6, 6, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));

    /// <summary>
    /// Channel 1's st2110 and st2110-audio (2 channels) outputs sending a random legal picture and numbered sound, each on a
    /// thread at the frame rate, to channel 2's st2110 input, directly or through impairing relays.
    /// </summary>
    private sealed class Link : IDisposable
    {
        private readonly TempDirectory _folder = new();
        private readonly ChannelContext _sender;
        private readonly IConsumer _video, _audio;
        private readonly Frame _picture;
        private readonly Media.Audio.AudioFrame _silence;
        private readonly ushort[] _samples;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Thread> _threads = [];
        private long _tick;

        public Link(string format, bool impaired = false)
        {
            _sender = Context(format, "channel 1");
            Receiver = Context(format, "channel 2");
            var f = _sender.Format;
            int width = f.Width, height = f.Height, half = width / 2;
            var random = new Random(height);
            _samples = [.. Enumerable.Range(0, 2 * width * height).Select(_ => (ushort)random.Next(4, 1020))];
            _picture = _sender.VideoPool.Rent();
            for (int line = 0; line < height; line++)
                V210.Pack(_samples.AsSpan(line * width, width), _samples.AsSpan(width * height + line * half, half),
                    _samples.AsSpan(width * height + half * height + line * half, half), _picture.WritableLine(0, line), width);
            _picture.Commit();
            // The video output takes no notice of the sound it is given.
            _silence = _sender.AudioPool.Rent();
            _silence.Commit();
            VideoPort = FreePorts.RtpPair();
            int audioPort = FreePorts.RtpPair();
            if (impaired)
            {
                VideoRelay = new UdpRelay(VideoPort);
                AudioRelay = new UdpRelay(audioPort);
            }
            var registry = new ModuleRegistry(StandardModules.All);
            _video = registry.CreateConsumer("st2110", new ConsumerRequest(_sender, ModuleSettings.Empty
                .With("destination", $"127.0.0.1:{VideoRelay?.Port ?? VideoPort}").With("sdp", _folder.File("sent-video.sdp"))));
            _audio = registry.CreateConsumer("st2110-audio", new ConsumerRequest(_sender, ModuleSettings.Empty
                .With("destination", $"127.0.0.1:{AudioRelay?.Port ?? audioPort}").With("sdp", _folder.File("sent-audio.sdp"))));
            // The receiver's SDPs: the sender's, with the port the flows arrive on (past the relays).
            File.WriteAllText(_folder.File("video.sdp"), File.ReadAllText(_folder.File("sent-video.sdp"))
                .Replace($"m=video {VideoRelay?.Port ?? VideoPort} ", $"m=video {VideoPort} "));
            File.WriteAllText(_folder.File("audio.sdp"), File.ReadAllText(_folder.File("sent-audio.sdp"))
                .Replace($"m=audio {AudioRelay?.Port ?? audioPort} ", $"m=audio {audioPort} "));
            Producer = (St2110InputProducer)registry.CreateProducer("st2110",
                new ProducerRequest(Receiver, _folder.File("video.sdp"), ModuleSettings.Empty.With("audioSdp", _folder.File("audio.sdp"))));
        }

        public ChannelContext Receiver { get; }
        public St2110InputProducer Producer { get; }
        public int VideoPort { get; }
        public UdpRelay? VideoRelay { get; }
        public UdpRelay? AudioRelay { get; }

        /// <summary>Starts both outputs sending, each on its own thread, frame by frame in real time.</summary>
        public void Start()
        {
            var frame = TimeSpan.FromSeconds(_sender.Format.FrameDuration.ToDouble());
            _threads.Add(new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                for (long tick = 0; !_stop.IsCancellationRequested; tick++)
                {
                    _video.Send(tick, _picture, _silence);
                    var due = frame * (tick + 1) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                        Thread.Sleep(due);
                }
            }) { IsBackground = true });
            // The audio output paces itself a packet time apart: a frame's Send takes about a frame.
            _threads.Add(new Thread(() =>
            {
                for (long tick = 0; !_stop.IsCancellationRequested; tick++)
                    NumberedSound.Send(_sender, _audio, tick);
            }) { IsBackground = true });
            _threads.ForEach(t => t.Start());
        }

        /// <summary>Runs the input tick by tick at the frame rate, handing each tick's frame (and whether it showed one) to
        /// <paramref name="done"/> until it says so; false if <paramref name="limit"/> passed first.</summary>
        public bool Receive(TimeSpan limit, Func<LayerFrame, bool, bool> done)
        {
            var format = Receiver.Format;
            var frameTime = TimeSpan.FromSeconds(format.FrameDuration.ToDouble());
            var clock = Stopwatch.StartNew();
            for (long n = 1; clock.Elapsed < limit; n++)
            {
                long tick = _tick++;
                bool shown = Producer.TryReceive(new Producers.ProduceContext(tick, format.AudioSamplesForFrame(tick), long.MaxValue), out var frame);
                bool finished = done(frame, shown);
                frame.Release();
                if (finished)
                    return true;
                // Ticks at the frame rate on the whole (as a channel's clock keeps them), whatever each one took.
                var due = frameTime * n - clock.Elapsed;
                if (due > TimeSpan.Zero)
                    Thread.Sleep(due);
            }
            return false;
        }

        /// <summary>Whether a received v210 frame carries exactly the samples sent.</summary>
        public bool IsThePicture(Frame frame)
        {
            var f = Receiver.Format;
            int width = f.Width, height = f.Height, half = width / 2;
            var y = new ushort[width];
            var cb = new ushort[half];
            var cr = new ushort[half];
            for (int line = 0; line < height; line++)
            {
                V210.Unpack(frame.Line(0, line), y, cb, cr, width);
                if (!y.AsSpan().SequenceEqual(_samples.AsSpan(line * width, width))
                    || !cb.AsSpan().SequenceEqual(_samples.AsSpan(width * height + line * half, half))
                    || !cr.AsSpan().SequenceEqual(_samples.AsSpan(width * height + half * height + line * half, half)))
                    return false;
            }
            return true;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _threads.ForEach(t => t.Join());
            Producer.Dispose();
            _video.Dispose();
            _audio.Dispose();
            VideoRelay?.Dispose();
            AudioRelay?.Dispose();
            _picture.Release();
            _silence.Release();
            _sender.Dispose();
            Receiver.Dispose();
            _folder.Dispose();
        }
    }
}
