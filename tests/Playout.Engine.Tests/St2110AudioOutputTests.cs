using System.Buffers.Binary;
using System.Diagnostics;
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
/// The "st2110-audio" output: FFmpeg (on the SDP it writes) and GStreamer (on the SDP's parameters as caps) receive every
/// sample sent, exactly (<see cref="NumberedSound"/>).
/// </summary>
public class St2110AudioOutputTests
{
    /// <summary>Sample frames the receivers take: a quarter of a second.</summary>
    private const int Samples = 12_000;

    /// <summary>16 channels at 1 ms over 29.97's 1601/1602-sample frames (1740-byte packets: loopback carries them), and 3 at 125 µs.</summary>
    [Theory]
    [InlineData("1080i59.94", 16, 1.0)]
    [InlineData("720p50", 3, 0.125)]
    public void Ffmpeg_receives_every_sample_exactly(string formatName, int channels, double packetTime)
    {
        using var folder = new TempDirectory();
        using var context = Context(formatName);
        string sdp = folder.File("audio.sdp"), output = folder.File("out.raw");
        int port = FreePorts.RtpPair();
        using var consumer = Create(context, $"127.0.0.1:{port}", ModuleSettings.Empty.With("audioChannels", channels).With("packetTime", packetTime).With("sdp", sdp));
        Assert.Equal(consumer.Sdp, File.ReadAllText(sdp));
        int packets = (int)(Samples / (48 * packetTime));
        var result = FlowReceiver.WhileSending("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", "-protocol_whitelist", "file,udp,rtp",
            "-buffer_size", "4194304", "-i", sdp, "-frames:a", packets.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:a", "pcm_s32le", "-f", "s32le", output], tick => NumberedSound.Send(context, consumer, tick), TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Error);
        var bytes = File.ReadAllBytes(output);
        var codes = new int[bytes.Length / 4];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4 * i)) >> 8;
        Assert.Null(NumberedSound.Check(codes, channels, Samples / 2));
    }

    /// <summary>Stereo at both packet times, and all sixteen channels. GStreamer puts 3 to 8 channels in its own order by the
    /// positions it assumes for them (its DV layouts), so those counts are FFmpeg's to check.</summary>
    [Theory]
    [InlineData("1080i50", 2, 1.0)]
    [InlineData("1080p59.94", 2, 0.125)]
    [InlineData("1080i59.94", 16, 1.0)]
    public void Gstreamer_receives_every_sample_exactly(string formatName, int channels, double packetTime)
    {
        using var folder = new TempDirectory();
        using var context = Context(formatName);
        int port = FreePorts.RtpPair();
        using var consumer = Create(context, $"127.0.0.1:{port}", ModuleSettings.Empty.With("audioChannels", channels).With("packetTime", packetTime));
        string caps = $"application/x-rtp,media=audio,clock-rate=48000,encoding-name=L24,encoding-params=(string){channels},channels=(int){channels},payload=97";
        var result = FlowReceiver.WhileSending("gst-launch-1.0", Gstreamer.RtpReceiverArguments(port, caps, (int)(Samples / (48 * packetTime)), "rtpL24depay",
            "filesink", $"location={folder.File("out.raw")}"), tick => NumberedSound.Send(context, consumer, tick), TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Error);
        var bytes = File.ReadAllBytes(folder.File("out.raw"));
        var codes = new int[bytes.Length / 3];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = bytes[3 * i] << 24 >> 8 | bytes[3 * i + 1] << 8 | bytes[3 * i + 2];
        Assert.Null(NumberedSound.Check(codes, channels, Samples / 2));
    }

    /// <summary>One frame's packets leave a packet time apart, not as a burst: the last of 720p50's 20 leaves 19 ms after the first.</summary>
    [Fact]
    public void A_frames_packets_leave_a_packet_time_apart()
    {
        using var context = Context("720p50");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var consumer = Create(context, listener.LocalEndPoint!.ToString()!, ModuleSettings.Empty);
        var clock = Stopwatch.StartNew();
        NumberedSound.Send(context, consumer, 0);
        var sent = clock.Elapsed;
        var packet = new byte[2048];
        var timestamps = new List<uint>();
        while (timestamps.Count < 20)
        {
            Assert.Equal(RtpHeader.Bytes + 48 * 2 * 3, listener.Receive(packet));
            timestamps.Add(BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
        }
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (uint)(48 * i)), timestamps);
        Assert.True(sent >= TimeSpan.FromMilliseconds(18.5), $"a frame's 20 packets went out in {sent.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public void The_sdp_says_l24_its_channels_as_stereo_pairs_and_its_packet_time()
    {
        using var context = Context("1080i50");
        using var sixteen = Create(context, "239.1.2.3:5006", ModuleSettings.Empty.With("audioChannels", 16).With("ttl", 8));
        Assert.Contains("m=audio 5006 RTP/AVP 97\r\nc=IN IP4 239.1.2.3/8\r\n", sixteen.Sdp);
        Assert.Contains("a=rtpmap:97 L24/48000/16\r\na=fmtp:97 channel-order=SMPTE2110.(ST,ST,ST,ST,ST,ST,ST,ST)\r\na=ptime:1\r\n", sixteen.Sdp);
        Assert.Contains("a=mediaclk:direct=0\r\na=ts-refclk:local\r\n", sixteen.Sdp);
        using var three = Create(context, "127.0.0.1:5006", ModuleSettings.Empty.With("audioChannels", 3).With("packetTime", 0.125).With("payloadType", 110));
        Assert.Contains("a=rtpmap:110 L24/48000/3\r\na=fmtp:110 channel-order=SMPTE2110.(ST,M)\r\na=ptime:0.125\r\n", three.Sdp);
    }

    [Fact]
    public void The_audio_flow_has_an_ssrc_of_its_own()
    {
        using var context = Context("1080i50");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var registry = new ModuleRegistry(StandardModules.All);
        var destination = ModuleSettings.Empty.With("destination", listener.LocalEndPoint!.ToString()!);
        using var video = (St2110Consumer)registry.CreateConsumer("st2110", new ConsumerRequest(context, destination));
        using var audio = Create(context, listener.LocalEndPoint!.ToString()!, ModuleSettings.Empty);
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var sound = context.AudioPool.Rent();
        sound.Write(1920);
        sound.Commit();
        audio.Send(0, frame, sound);
        video.Send(0, frame, sound);
        var packet = new byte[2048];
        var ssrcs = new HashSet<uint>();
        for (int i = 0; i < 60; i++)
        {
            listener.Receive(packet);
            ssrcs.Add(BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)));
        }
        Assert.Equal(2, ssrcs.Count);
        frame.Release();
        sound.Release();
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(9, 8)]
    [InlineData(16, 1)]
    public void A_flow_from_another_channel_carries_the_programme_channels_from_there(int firstChannel, int channels)
    {
        using var context = Context("720p50");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var consumer = Create(context, listener.LocalEndPoint!.ToString()!, ModuleSettings.Empty.With("audioChannels", channels).With("firstChannel", firstChannel));
        Assert.Contains($"a=rtpmap:97 L24/48000/{channels}", consumer.Sdp);
        NumberedSound.Send(context, consumer, 0);
        var packet = new byte[2048];
        for (int p = 0; p < 20; p++)
        {
            int length = listener.Receive(packet);
            Assert.Equal(12 + 48 * channels * 3, length);
            // The timestamp is the 48 kHz index of the packet's first sample (no clock: tick 0 is sample 0).
            long first = BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4));
            for (int sample = 0; sample < 48; sample++)
                for (int c = 0; c < channels; c++)
                {
                    int at = 12 + (sample * channels + c) * 3;
                    int code = packet[at] << 24 >> 8 | packet[at + 1] << 8 | packet[at + 2];
                    Assert.Equal(NumberedSound.Code(first + sample, firstChannel - 1 + c), code);
                }
        }
    }

    [Theory]
    [InlineData("audioChannels", 0)]
    [InlineData("audioChannels", 17)]
    [InlineData("firstChannel", 0)]
    [InlineData("firstChannel", 16)]
    [InlineData("packetTime", 2.0)]
    [InlineData("packetTime", 0.25)]
    [InlineData("payloadType", 128)]
    [InlineData("ttl", 0)]
    public void A_setting_it_cannot_use_is_named(string key, object value)
    {
        using var context = Context("720p50");
        var registry = new ModuleRegistry(StandardModules.All);
        var error = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("st2110-audio",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With(key, value))));
        Assert.Equal(key, error.Key);
        Assert.Contains(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, error.Message);
    }

    private static ChannelContext Context(string format) =>
        new("channel 1", VideoFormats.Parse(format), 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));

    private static St2110AudioConsumer Create(ChannelContext context, string destination, ModuleSettings settings) =>
        (St2110AudioConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-audio",
            new ConsumerRequest(context, settings.With("destination", destination)));
}
