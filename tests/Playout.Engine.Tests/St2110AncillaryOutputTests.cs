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
using Playout.Media.Scte35;
using Playout.Media.Time;
using Playout.TestSupport;

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
        using var context = Context(formatName);
        var format = context.Format;
        using var listener = Listener();
        using var output = Output(context, listener.LocalEndPoint!.ToString()!);
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
            var atc = Assert.Single(Rfc8331Reader.Packets(buffer.AsSpan(0, length)));
            Assert.Equal((0x60, 0x60, 16, true, true), (atc.Did, atc.Sdid, atc.Data.Length, atc.WordsChecked, atc.ChecksumChecked));
            var read = AncillaryTimecode.Read(atc.Data);
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
        using var context = Context("1080i50");
        using var output = Output(context, "127.0.0.1:5010");
        // Without a channel clock the timeline starts at 1970-01-01 00:00 UTC: tick 25·3723 + 7 is 01:02:03:07.
        Assert.Equal(new Timecode(1, 2, 3, 7, TimecodeRate.Fps25), output.TimecodeOf(25 * 3723 + 7));
        Assert.Equal(new Timecode(0, 0, 0, 0, TimecodeRate.Fps25), output.TimecodeOf(25 * 86_400));
    }

    [Theory]
    [InlineData("1080i50")]
    [InlineData("720p59.94")]
    public void Splices_ride_as_scte104_messages_in_the_frame_their_pre_roll_ahead(string formatName)
    {
        using var context = Context(formatName);
        var format = context.Format;
        using var listener = Listener();
        using var output = Output(context, listener.LocalEndPoint!.ToString()!, ModuleSettings.Empty.With("scte35", true));
        Assert.Contains(" DID_SDID={0x60,0x60}; DID_SDID={0x41,0x07}; exactframerate=", output.Sdp);
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        output.Send(999, frame, audio);
        Drain(listener, format.IsInterlaced ? 2 : 1);

        var leave = new SpliceInsert(4242, true, SpliceTime.Immediate, BreakDuration.FromTimeSpan(TimeSpan.FromSeconds(30), autoReturn: true), 7, 1, 2);
        long preRollFrames = (long)Math.Ceiling(format.FrameRate.ToDouble());
        output.CueSplice(1200, leave, TimeSpan.FromSeconds(1));
        // Cued with less time than its pre-roll left: it goes with the next frame, its pre-roll what is left.
        // A time_signal's segmentation_descriptor rides in the same message as an operation of its own.
        var opportunity = new SegmentationDescriptor(77, 0x34, 1, 1, 60 * 90_000UL, 0x0C, [0x50, 0x4C]);
        output.CueSplice(1003, new TimeSignal(SpliceTime.Immediate), TimeSpan.FromSeconds(1), [.. opportunity.Encode()]);
        Assert.Throws<ArgumentOutOfRangeException>(() => output.CueSplice(999, leave, TimeSpan.Zero));
        Assert.Throws<NotSupportedException>(() => output.CueSplice(1300, new UnknownSpliceCommand(SpliceCommandType.PrivateCommand, [0, 0, 0, 1]), TimeSpan.Zero));

        var seen = new List<(long Tick, uint Timestamp, byte[] Message)>();
        var buffer = new byte[1500];
        for (long tick = 1000; tick < 1200; tick++)
        {
            output.Send(tick, frame, audio);
            int length = listener.Receive(buffer);
            foreach (var packet in Rfc8331Reader.Packets(buffer.AsSpan(0, length)))
            {
                Assert.True(packet.WordsChecked && packet.ChecksumChecked, $"tick {tick}: a word's parity or the checksum is wrong");
                if ((packet.Did, packet.Sdid) == (0x41, 0x07))
                {
                    Assert.Equal(St2110AncillaryConsumer.Scte104Line, packet.Line);
                    seen.Add((tick, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)), packet.Data));
                }
            }
            if (format.IsInterlaced)
                Drain(listener, 1);
        }
        frame.Release();
        audio.Release();

        Assert.Equal([1000L, 1200 - preRollFrames], seen.Select(s => s.Tick));
        Assert.Equal(2, output.SplicesSent);
        Assert.All(seen, s => Assert.Equal((uint)(s.Tick * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator), s.Timestamp));
        var signal = Scte104(seen[0].Message, messageNumber: 0);
        Assert.Equal([0x0104, 0x010B], signal.Select(o => o.OpId));
        Assert.Equal((int)Math.Round(format.TimeOf(3).TotalMilliseconds), BinaryPrimitives.ReadUInt16BigEndian(signal[0].Data));
        // segmentation_event_id, not cancelled, 60 s, UPID type and bytes, type 0x34, segment 1 of 1.
        Assert.Equal([0, 0, 0, 77, 0, 0, 60, 0x0C, 2, 0x50, 0x4C, 0x34, 1, 1], signal[1].Data[..14]);
        var request = Assert.Single(Scte104(seen[1].Message, messageNumber: 1), o => o.OpId == 0x0101).Data;
        // splice_insert_type 1 (start normal), event, unique program, pre-roll in ms, break in tenths, avail, avails expected, auto return.
        Assert.Equal(14, request.Length);
        Assert.Equal((1, 4242u, 7, (int)Math.Round(format.TimeOf(preRollFrames).TotalMilliseconds), 300, 1, 2, 1),
            (request[0], BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(1)), BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(5)),
             (int)BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(7)), (int)BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(9)), request[11], request[12], request[13]));
    }

    /// <summary>
    /// An ST 2010 packet's SCTE 104 message read from SCTE 104's layout: the payload descriptor (version 1, one packet), then a
    /// multiple_operation_message with no time stamp; its operations.
    /// </summary>
    private static List<(int OpId, byte[] Data)> Scte104(byte[] data, int messageNumber)
    {
        Assert.Equal(0x08, data[0]);
        var message = data.AsSpan(1);
        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(message));
        Assert.Equal(message.Length, BinaryPrimitives.ReadUInt16BigEndian(message[2..]));
        // protocol_version, AS_index, message_number, DPI_PID_index (2), SCTE35_protocol_version, time_type.
        Assert.Equal([0, 0, messageNumber, 0, 0, 0, 0], message[4..11].ToArray().Select(b => (int)b));
        var ops = new List<(int, byte[])>();
        int at = 12;
        for (int i = 0; i < message[11]; i++)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]);
            ops.Add((BinaryPrimitives.ReadUInt16BigEndian(message[at..]), message.Slice(at + 4, length).ToArray()));
            at += 4 + length;
        }
        Assert.Equal(message.Length, at);
        return ops;
    }

    private static ChannelContext Context(string format) =>
        new("c", VideoFormats.Parse(format), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));

    /// <summary>A loopback socket the flow is sent to (5 s to wait for a packet).</summary>
    private static Socket Listener()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return listener;
    }

    /// <summary>The output, to <paramref name="destination"/> (the listener's address, or any when only its time code is asked).</summary>
    private static St2110AncillaryConsumer Output(ChannelContext context, string destination, ModuleSettings? settings = null) =>
        (St2110AncillaryConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-anc",
            new ConsumerRequest(context, (settings ?? ModuleSettings.Empty).With("destination", destination)));

    private static void Drain(Socket listener, int packets)
    {
        var buffer = new byte[1500];
        for (int i = 0; i < packets; i++)
            listener.Receive(buffer);
    }

    [Theory]
    [InlineData("Asia/Ho_Chi_Minh", 8)]
    [InlineData("Asia/Jakarta", 8)]
    [InlineData("Asia/Shanghai", 9)]
    [InlineData("UTC", 1)]
    public void The_time_code_counts_the_time_of_day_in_its_zone(string zone, int hours)
    {
        using var context = Context("1080i50");
        using var output = Output(context, "127.0.0.1:5010", ModuleSettings.Empty.With("timeZone", zone));
        // 01:02:03:07 UTC on 2026-01-15 is 08:02:03:07 in Vietnam and Indonesia's west, 09:02:03:07 in China.
        long utc = 25L * (long)(new DateTimeOffset(2026, 1, 15, 1, 2, 3, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).TotalSeconds;
        Assert.Equal(new Timecode(hours, 2, 3, 7, TimecodeRate.Fps25), output.TimecodeOf(utc + 7));
    }

    [Fact]
    public void A_zone_across_daylight_saving_moves_the_time_code_by_the_hour()
    {
        using var context = Context("1080p25");
        using var output = Output(context, "127.0.0.1:5010", ModuleSettings.Empty.With("timeZone", "Europe/London"));
        long winter = 25L * (long)(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).TotalSeconds;
        long summer = 25L * (long)(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).TotalSeconds;
        Assert.Equal(new Timecode(12, 0, 0, 0, TimecodeRate.Fps25), output.TimecodeOf(winter));
        Assert.Equal(new Timecode(13, 0, 0, 0, TimecodeRate.Fps25), output.TimecodeOf(summer));
        var error = Assert.Throws<ModuleSettingException>(() => Output(context, "127.0.0.1:5010", ModuleSettings.Empty.With("timeZone", "Mars/Olympus")));
        Assert.Equal("timeZone", error.Key);
        Assert.Contains("Mars/Olympus", error.Message);
    }

    [Fact]
    public void A_payload_type_rtp_cannot_carry_is_named()
    {
        using var context = Context("720p50");
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("st2110-anc",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5010").With("payloadType", 200))));
        Assert.Equal("payloadType", error.Key);
        Assert.Contains("200", error.Message);
    }
}
