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
using Playout.Media.Time;

namespace Playout.Engine.Tests;

/// <summary>The "st2110-anc" output: each frame's time of day as ST 12-2 time code in an RFC 8331 packet, a packet a field.</summary>
public class St2110AncillaryOutputTests
{
    [Theory]
    [InlineData("1080p25")]
    [InlineData("1080i59.94")]
    [InlineData("720p50")]
    public void Each_frame_carries_its_time_code_with_the_video_flows_timestamp(string formatName)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var format = context.Format;
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var output = (St2110AncillaryConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-anc",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", listener.LocalEndPoint!.ToString()!)));
        Assert.Contains("a=rtpmap:100 smpte291/90000\r\n", output.Sdp);
        Assert.Contains($"a=fmtp:100 DID_SDID={{0x60,0x60}}; exactframerate={(format.FrameRate.Denominator == 1 ? $"{format.FrameRate.Numerator}" : $"{format.FrameRate.Numerator}/{format.FrameRate.Denominator}")}\r\n", output.Sdp);
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        var rate = TimecodeRate.ForFrameRate(format.FrameRate);
        var buffer = new byte[1500];
        Timecode? previous = null;
        for (long tick = 1000; tick < 1010; tick++)
        {
            output.Send(tick, frame, audio);
            uint timestamp = (uint)(tick * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator);
            int length = listener.Receive(buffer);
            Assert.True((buffer[1] & 0x80) != 0, "the marker ends each field's packet");
            Assert.Equal(timestamp, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)));
            Assert.Equal(1, buffer[16]);
            Assert.Equal(format.IsInterlaced ? 0b10 : 0b00, buffer[17] >> 6);
            // DID, SDID and DC sit after the 32-bit C/line/offset/stream word; the 16 user data words after them.
            var words = TenBitWords(buffer.AsSpan(24, length - 24), 3 + 16);
            Assert.Equal([0x60, 0x60, 16], words[..3].Select(w => (int)(w & 0xFF)));
            var read = AncillaryTimecode.Read([.. words[3..].Select(w => (byte)w)]);
            var expected = output.TimecodeOf(tick);
            int frames = rate.Base > 30 ? expected.Frames / 2 : expected.Frames;
            Assert.Equal((expected.Hours, expected.Minutes, expected.Seconds, frames, rate.DropFrame), (read.Hours, read.Minutes, read.Seconds, read.Frames, read.DropFrame));
            if (previous is { } last)
                Assert.Equal(1, expected - last);
            previous = expected;
            if (format.IsInterlaced)
            {
                Assert.Equal(20, listener.Receive(buffer));
                Assert.Equal(0b11, buffer[17] >> 6);
                Assert.Equal(0, buffer[16]);
                Assert.Equal(timestamp + 1501, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)));
            }
        }
        frame.Release();
        audio.Release();
    }

    [Fact]
    public void The_time_code_is_the_frames_time_of_day()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("1080i50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var output = (St2110AncillaryConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-anc",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5010")));
        // Without a channel clock the timeline starts at 1970-01-01 00:00 UTC: tick 25·3723 + 7 is 01:02:03:07.
        Assert.Equal(new Timecode(1, 2, 3, 7, TimecodeRate.Fps25), output.TimecodeOf(25 * 3723 + 7));
        Assert.Equal(new Timecode(0, 0, 0, 0, TimecodeRate.Fps25), output.TimecodeOf(25 * 86_400));
    }

    private static uint[] TenBitWords(ReadOnlySpan<byte> bytes, int count)
    {
        var words = new uint[count];
        for (int w = 0, at = 0; w < count; w++)
            for (int b = 0; b < 10; b++, at++)
                words[w] = words[w] << 1 | (uint)(bytes[at >> 3] >> (7 - (at & 7)) & 1);
        return words;
    }

    [Fact]
    public void A_payload_type_rtp_cannot_carry_is_named()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-anc",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5010").With("payloadType", 200))));
        Assert.Equal("payloadType", error.Key);
        Assert.Contains("200", error.Message);
    }
}
