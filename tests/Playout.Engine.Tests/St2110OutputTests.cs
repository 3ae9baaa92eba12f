using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>The "st2110" output: FFmpeg's RFC 4175 receiver, started on the SDP the output writes, decodes the samples sent.</summary>
public class St2110OutputTests
{
    /// <summary>Frames the receiver writes before it exits.</summary>
    private const int Frames = 5;

    /// <summary>
    /// 720p (a width that is not a multiple of 48), and 576i and 486-line 480i (bottom field first), whose fields FFmpeg puts
    /// back together. Loopback to one FFmpeg process keeps up with these rates; 1080i's 2.6 Gb/s is the benchmark's.
    /// </summary>
    [Theory]
    [InlineData("720p50")]
    [InlineData("576i50")]
    [InlineData("480i59.94")]
    public async Task Ffmpeg_receives_the_programme_sample_for_sample(string formatName)
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("channel 1", VideoFormats.Parse(formatName), 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var format = context.Format;
        int width = format.Width, height = format.Height, half = width / 2;
        // Legal samples (4..1019: v210 clamps the rest), tight Y, Cb, Cr planes as ffmpeg writes yuv422p10le.
        var random = new Random(width);
        var samples = Enumerable.Range(0, 2 * width * height).Select(_ => (ushort)random.Next(4, 1020)).ToArray();
        var frame = context.VideoPool.Rent();
        for (int line = 0; line < height; line++)
            V210.Pack(samples.AsSpan(line * width, width), samples.AsSpan(width * height + line * half, half),
                samples.AsSpan(width * height + half * height + line * half, half), frame.WritableLine(0, line), width);
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        int port = FreePorts.RtpPair();
        string sdp = folder.File("flow.sdp"), output = folder.File("out.yuv");
        var settings = ModuleSettings.Empty.With("destination", $"127.0.0.1:{port}").With("sdp", sdp);
        var registry = new ModuleRegistry(StandardModules.All);
        using var consumer = (St2110Consumer)registry.CreateConsumer("st2110", new ConsumerRequest(context, settings));
        Assert.Equal(consumer.Sdp, await File.ReadAllTextAsync(sdp));
        var result = FlowReceiver.WhileSending("ffmpeg", Ffmpeg.RtpReceiverArguments(sdp, Frames, output), tick =>
        {
            consumer.Send(tick, frame, audio);
            Thread.Sleep(TimeSpan.FromSeconds(format.FrameDuration.ToDouble()));
        }, TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Error);
        var picture = MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();
        var received = await File.ReadAllBytesAsync(output);
        Assert.Equal(Frames * picture.Length, received.Length);
        Assert.True(Ffmpeg.AnyFrameAfterTheFirstIs(received, picture), "no frame received after the first is the frame sent");
        Assert.True(consumer.Counters.Sent >= Frames);
        frame.Release();
        audio.Release();
    }

    /// <summary>
    /// GStreamer's RFC 4175 depayloader, given the SDP's parameters as caps, hands on whole frames of pixel groups (its UYVP)
    /// that are the picture sent, byte for byte: pixel groups built here from the samples (Cb Y0 Cr Y1, 10 bits each, big-endian).
    /// Progressive only: Debian's GStreamer 1.22 refuses interlaced RFC 4175 ("interlaced formats not supported yet").
    /// </summary>
    [Theory]
    [InlineData("720p50")]
    [InlineData("1080p25")]
    public void Gstreamer_receives_the_programme_byte_for_byte(string formatName)
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("channel 1", VideoFormats.Parse(formatName), 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var format = context.Format;
        int width = format.Width, height = format.Height, half = width / 2;
        var random = new Random(height);
        var samples = Enumerable.Range(0, 2 * width * height).Select(_ => (ushort)random.Next(4, 1020)).ToArray();
        var frame = context.VideoPool.Rent();
        var pgroups = new byte[width / 2 * 5 * height];
        for (int line = 0; line < height; line++)
        {
            var y = samples.AsSpan(line * width, width);
            var cb = samples.AsSpan(width * height + line * half, half);
            var cr = samples.AsSpan(width * height + half * height + line * half, half);
            V210.Pack(y, cb, cr, frame.WritableLine(0, line), width);
            for (int pair = 0; pair < half; pair++)
            {
                ulong group = (ulong)cb[pair] << 30 | (ulong)y[2 * pair] << 20 | (ulong)cr[pair] << 10 | y[2 * pair + 1];
                for (int b = 0; b < 5; b++)
                    pgroups[(line * half + pair) * 5 + b] = (byte)(group >> (8 * (4 - b)));
            }
        }
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        int port = FreePorts.RtpPair();
        var registry = new ModuleRegistry(StandardModules.All);
        using var consumer = (St2110Consumer)registry.CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", $"127.0.0.1:{port}")));
        var packetsPerFrame = new Media.Rtp.Rfc4175Packetizer(width, height, 0).PacketsPerField;
        string caps = $"application/x-rtp,media=video,clock-rate=90000,encoding-name=RAW,sampling=YCbCr-4:2:2,depth=(string)10," +
            $"width=(string){width},height=(string){height},colorimetry=(string){(format.Colorimetry == Colorimetry.Bt601 ? "BT601-5" : "BT709-2")},payload=96" +
            (format.IsInterlaced ? ",interlace=(string)true" : "");
        var result = FlowReceiver.WhileSending("gst-launch-1.0", Gstreamer.RtpReceiverArguments(port, caps, Frames * packetsPerFrame, "rtpvrawdepay",
            "multifilesink", $"location={folder.File("frame%03d.raw")}"), tick =>
        {
            consumer.Send(tick, frame, audio);
            Thread.Sleep(TimeSpan.FromSeconds(format.FrameDuration.ToDouble()));
        }, TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Error);
        var frames = Directory.GetFiles(folder.Path, "frame*.raw").Order().Select(File.ReadAllBytes).ToArray();
        Assert.True(frames.Length >= 2, $"{frames.Length} frames");
        Assert.All(frames, f => Assert.Equal(pgroups.Length, f.Length));
        Assert.True(frames.Skip(1).Any(f => f.AsSpan().SequenceEqual(pgroups)), "no frame received after the first is the frame sent");
        frame.Release();
        audio.Release();
    }

    /// <summary>
    /// The field shown first leaves first with the frame's timestamp, the other half a frame later: the top field for 576i, the
    /// bottom one (odd lines, F = 1) for 480i. FFmpeg puts fields back by their F bit whatever their order, so this reads packets.
    /// </summary>
    [Theory]
    [InlineData("576i50", 0, 1800u)]
    [InlineData("480i59.94", 1, 1501u)]
    public void The_field_shown_first_is_sent_first_and_the_other_half_a_frame_later(string formatName, int firstField, uint half)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var registry = new ModuleRegistry(StandardModules.All);
        using var consumer = (St2110Consumer)registry.CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", $"127.0.0.1:{port}")));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        consumer.Send(3, frame, audio);
        var packet = new byte[2048];
        var fields = new List<(int Field, uint Timestamp, bool Marker)>();
        listener.ReceiveTimeout = 5000;
        while (fields.Count == 0 || !fields[^1].Marker || fields[^1].Field == firstField)
        {
            int length = listener.Receive(packet);
            Assert.True(length > 20);
            fields.Add(((packet[16] & 0x80) >> 7, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)), (packet[1] & 0x80) != 0));
        }
        uint frameTimestamp = (uint)(3 * 90_000 * context.Format.FrameRate.Denominator / context.Format.FrameRate.Numerator);
        int switchAt = fields.FindIndex(f => f.Field != firstField);
        Assert.True(switchAt > 0);
        Assert.All(fields[..switchAt], f => Assert.Equal((firstField, frameTimestamp), (f.Field, f.Timestamp)));
        Assert.All(fields[switchAt..], f => Assert.Equal((1 - firstField, frameTimestamp + half), (f.Field, f.Timestamp)));
        Assert.True(fields[switchAt - 1].Marker, "the first field ends with the marker");
        frame.Release();
        audio.Release();
    }

    /// <summary>
    /// A frame's bursts follow ST 2110-21's gapped read schedule: the last leaves TRO + (packets − 16 − lead)·TRS after the
    /// frame reached the output, never as one burst at its start (a lower bound: a loaded machine only makes it later).
    /// </summary>
    [Theory]
    [InlineData("720p50")]
    [InlineData("576i50")]
    public void A_frames_bursts_follow_the_read_schedule_over_its_active_part(string formatName)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var consumer = (St2110Consumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", listener.LocalEndPoint!.ToString()!)));
        var model = consumer.Traffic;
        Assert.Equal(context.Format.IsInterlaced ? context.Format.FrameDuration.ToDouble() / 2 : context.Format.FrameDuration.ToDouble(), model.Period, 9);
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        var clock = Stopwatch.StartNew();
        consumer.Send(0, frame, audio);
        // Disposing waits for the output's sending thread to send what it was handed.
        consumer.Dispose();
        double fields = context.Format.IsInterlaced ? 2 : 1;
        double last = (fields - 1) * model.Period + model.Tro + (model.Packets - 16 - St2110Pacing.Wide.LeadPackets(model)) * model.Trs;
        Assert.True(clock.Elapsed.TotalSeconds >= last - 0.0005, $"the last burst left after {clock.Elapsed.TotalMilliseconds:F2} ms; its slot is {last * 1000:F2} ms");
        frame.Release();
        audio.Release();
    }

    /// <summary>
    /// A frame the output cannot convert (here one of another raster) is refused by its Send, and costs nothing after it:
    /// the buffer it took is free again, so frames after it are taken and sent (none waits for a buffer for ever).
    /// </summary>
    [Fact]
    public async Task A_frame_it_cannot_convert_is_refused_and_the_frames_after_it_go_out()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var other = new ChannelContext("other", VideoFormats.Parse("576i50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20, ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var consumer = (St2110Consumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", listener.LocalEndPoint!.ToString()!)));
        var wrong = other.VideoPool.Rent();
        wrong.Commit();
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        var sending = Task.Run(() =>
        {
            for (int i = 0; i < 3; i++)
                Assert.ThrowsAny<ArgumentException>(() => consumer.Send(i, wrong, audio));
            consumer.Send(3, frame, audio);
        });
        Assert.Same(sending, await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(10))));
        await sending;
        var packet = new byte[2048];
        Assert.True(listener.Receive(packet) > 20, "the frame after the refused ones was sent");
        wrong.Release();
        frame.Release();
        audio.Release();
    }

    [Theory]
    [InlineData("239.1.1.1", "destination")]
    [InlineData("239.1.1.1:0", "destination")]
    [InlineData("somewhere:5004", "destination")]
    public void A_destination_that_is_not_an_address_and_port_is_named(string destination, string key)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var registry = new ModuleRegistry(StandardModules.All);
        var error = Assert.Throws<ModuleSettingException>(() =>
            registry.CreateConsumer("st2110", new ConsumerRequest(context, ModuleSettings.Empty.With("destination", destination))));
        Assert.Equal(key, error.Key);
        Assert.Contains(destination, error.Message);
    }

    /// <summary>A destination the kernel will not send to (the broadcast address) is named for every flow, not thrown raw.</summary>
    [Theory]
    [InlineData("st2110")]
    [InlineData("st2110-audio")]
    [InlineData("st2110-anc")]
    public void A_destination_the_machine_cannot_send_to_is_named(string type)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer(type,
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "255.255.255.255:5004"))));
        Assert.Equal("destination", error.Key);
        Assert.Contains("cannot send to 255.255.255.255:5004", error.Message);
    }

    [Theory]
    [InlineData("packetBytes", 20)]
    [InlineData("packetBytes", 20000)]
    [InlineData("payloadType", 200)]
    [InlineData("ttl", 300)]
    [InlineData("ttl", 0)]
    public void A_packet_size_payload_type_or_ttl_it_cannot_use_is_named(string key, int value)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var registry = new ModuleRegistry(StandardModules.All);
        var error = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With(key, value))));
        Assert.Equal(key, error.Key);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void An_sdp_file_it_cannot_write_is_named_with_its_path()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var registry = new ModuleRegistry(StandardModules.All);
        string path = Path.Combine(Path.GetTempPath(), "playout-no-such-folder-" + Guid.NewGuid().ToString("N"), "flow.sdp");
        var error = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With("sdp", path))));
        Assert.Equal("sdp", error.Key);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void The_sdp_of_an_hdr_bottom_field_first_and_multicast_flow_says_so()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("480i59.94"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var registry = new ModuleRegistry(StandardModules.All);
        using var consumer = (St2110Consumer)registry.CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "239.10.20.30:5004").With("ttl", 5)));
        Assert.Contains("c=IN IP4 239.10.20.30/5\r\n", consumer.Sdp);
        Assert.Contains("width=720; height=486; exactframerate=30000/1001; depth=10; TCS=SDR; colorimetry=BT601;", consumer.Sdp);
        Assert.Contains(" interlace;", consumer.Sdp);
        using var hdr = new ChannelContext("c", VideoFormats.Parse("2160p50-pq"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var pq = (St2110Consumer)registry.CreateConsumer("st2110",
            new ConsumerRequest(hdr, ModuleSettings.Empty.With("destination", "127.0.0.1:5004")));
        Assert.Contains("TCS=PQ; colorimetry=BT2020;", pq.Sdp);
    }
}
