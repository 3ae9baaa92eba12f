using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Media.Scte35;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class Scte35OutputTests
{
    private const int Pid = StreamSettings.DefaultScte35Pid;

    [Fact]
    public async Task Cued_splices_reach_the_ts_file_on_their_pid_with_the_pts_of_the_splice_frame()
    {
        using var folder = new TempDirectory();
        string file = folder.File("out.ts");
        StreamConsumer stream;
        var recorder = new RecordingConsumer();
        var sent = new ConcurrentQueue<SpliceSent>();
        const long breakTick = 100, signalTick = 130;
        using (var test = new CardChannel())
        {
            // veryfast has B-frames: the muxer shifts every timestamp, which the splice times must follow.
            stream = new StreamConsumer(test.Context, new StreamSettings(file, "mpegts", "libx264", "aac", "preset=veryfast", 2_000_000, Queue: 200, Scte35: true));
            stream.SpliceSent += sent.Enqueue;
            test.Channel.AddConsumer(recorder);
            test.Channel.AddConsumer(stream);
            _ = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
            // Cues come from automation, not the tick thread. The time_signal's 4 s pre-roll reaches back to the start,
            // before the muxer's PTS are known: it goes as soon as they are.
            await Task.Run(() =>
            {
                stream.CueSplice(breakTick, new SpliceInsert(0x1234, true, SpliceTime.Immediate, BreakDuration.FromTimeSpan(TimeSpan.FromSeconds(30), true),
                    UniqueProgramId: 7, AvailNum: 1, AvailsExpected: 2), TimeSpan.FromSeconds(2));
                stream.CueSplice(signalTick, new TimeSignal(SpliceTime.Immediate), TimeSpan.FromSeconds(4), [.. Opportunity.Encode()]);
            });
            test.Channel.RunTicks(150);
            Assert.Throws<ArgumentOutOfRangeException>(() => stream.CueSplice(120, new TimeSignal(SpliceTime.Immediate), TimeSpan.Zero));
        }
        Assert.True(stream.Failure is null, stream.Failure);
        Assert.Equal(0, stream.Counters.Dropped);
        Assert.Equal(2, stream.SplicesSent);
        Assert.Equal(0, stream.SplicesMissed);
        var breakSent = sent.Single(s => s.SpliceTick == breakTick);
        Assert.Equal(breakTick - 50, breakSent.SentAtTick); // 2 s ahead at 25 frames/s

        // ffprobe sees an SCTE-35 data stream on the PID.
        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-of", "json", file]));
        var data = probe.RootElement.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == "data");
        Assert.Equal("scte_35", data.GetProperty("codec_name").GetString());
        Assert.Equal("0x1f4", data.GetProperty("id").GetString());

        // The PMT in the file's bytes lists the PID with stream_type 0x86 and the program carries the CUEI registration.
        var pmt = TsTables.Pmt(File.ReadAllBytes(file));
        Assert.Contains((0x86, Pid), pmt.Streams);
        Assert.True(pmt.CueiRegistered);

        // The sections as FFmpeg's demuxer hands them out (it checks their CRC, and so does our decoder).
        var sections = TsProbe.DataSections(file).Select(b => SpliceInfoSection.Decode(b)).ToList();
        Assert.Equal(2, sections.Count);

        // The video frame of tick t is frame t - (first tick) of the file; its PTS is the (t - first)-th in presentation order.
        long firstTick = recorder.Frames[0].Tick;
        var videoPts = TsProbe.VideoPts(file);
        Assert.Equal(150, videoPts.Length);

        var insertSection = sections.Single(s => s.Command is SpliceInsert);
        var insert = (SpliceInsert)insertSection.Command;
        Assert.Equal(0x1234u, insert.EventId);
        Assert.True(insert.OutOfNetwork);
        Assert.Equal(new BreakDuration(true, 30 * 90000), insert.Duration);
        Assert.Equal((ushort)7, insert.UniqueProgramId);
        Assert.Equal(videoPts[breakTick - firstTick], insertSection.SplicePts);
        Assert.Equal(videoPts[breakTick - firstTick], (ulong)breakSent.Pts);

        var signalSection = sections.Single(s => s.Command is TimeSignal);
        Assert.Equal(videoPts[signalTick - firstTick], signalSection.SplicePts);
        Assert.Equal(signalSection, sent.Single(s => s.SpliceTick == signalTick).Section);
        Assert.Equal(Opportunity.Encode(), signalSection.Descriptors.ToArray());

        // Wireshark's SCTE-35 dissector, reading the transport stream itself, finds the segmentation_descriptor's fields.
        var fields = ExternalTool.Run("tshark", ["-r", file, "-Y", "scte35.splice_descriptor.tag == 2", "-T", "fields", "-E", "separator=|",
            "-e", "scte35.splice_descriptor.event_id", "-e", "scte35.splice_descriptor.segmentation_type_id", "-e", "scte35.splice_descriptor.segmentation_duration",
            "-e", "scte35.splice_descriptor.upid_type", "-e", "scte35.splice_descriptor.upid", "-e", "scte35.splice_descriptor.segment_num",
            "-e", "scte35.splice_descriptor.segments_expected"]).Trim();
        Assert.Equal("0x00000051|0x30|2700000|0x09|SIGNAL:1234|1|2", fields);
    }

    /// <summary>A provider advertisement start: 30 s, an ADI UPID, segment 1 of 2.</summary>
    private static readonly SegmentationDescriptor Opportunity = new(0x51, 0x30, 1, 2, 30 * 90_000, 0x09, "SIGNAL:1234"u8.ToArray().ToImmutableArray());

    // Zerolatency (the demo's encoder) writes at once; without it x264 holds frames back (lookahead) and reorders them
    // (B-frames), so the muxer's timestamps start later: the splice times must follow either way.
    [Theory]
    [InlineData("576i50", "preset=ultrafast:tune=zerolatency", false)]
    [InlineData("1080i50", "preset=ultrafast:tune=zerolatency", true)]
    [InlineData("576i50", "preset=veryfast", false)]
    [InlineData("1080i59.94", "preset=veryfast", true)]
    [InlineData("720p59.94", "preset=ultrafast", false)]
    public void The_splice_pts_is_the_pts_of_the_first_frame_of_the_break_as_decoded_from_the_output(string format, string options, bool udp)
    {
        using var folder = new TempDirectory();
        string file = folder.File("out.ts");
        // Over UDP the datagrams are kept as sent: a remux (ffmpeg -copyts -c copy) shifts the pictures but not the splice times.
        using var capture = udp ? new UdpCapture(file) : null;
        StreamConsumer stream;
        var recorder = new RecordingConsumer { Inspect = (video, _) => Pixels.Luma(video, 0, 0) };
        long outTick, returnTick;
        using (var test = new CardChannel(format))
        {
            stream = new StreamConsumer(test.Context, new StreamSettings(capture?.Url ?? file, "mpegts", "libx264", "aac", options, 2_000_000, Queue: 300, Scte35: true));
            test.Channel.AddConsumer(recorder);
            test.Channel.AddConsumer(stream);
            _ = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "#000000")));
            test.Channel.RunTicks(1);
            long first = recorder.Frames[0].Tick;
            outTick = first + 60;
            returnTick = first + 90;
            stream.CueSplice(outTick, new SpliceInsert(1, true, SpliceTime.Immediate, null), TimeSpan.FromSeconds(1));
            stream.CueSplice(outTick, new TimeSignal(SpliceTime.Immediate), TimeSpan.FromSeconds(1));
            stream.CueSplice(returnTick, new SpliceInsert(2, false, SpliceTime.Immediate, null), TimeSpan.FromSeconds(1));
            // The break is white, the programme after it grey: each splice frame is told apart by its content alone.
            test.Channel.RunTicks((int)(outTick - first - 1));
            _ = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "#FFFFFF")));
            test.Channel.RunTicks((int)(returnTick - outTick));
            _ = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "#808080")));
            test.Channel.RunTicks(30);
        }
        capture?.Dispose();   // the whole stream is in the file
        Assert.True(stream.Failure is null, stream.Failure);
        Assert.Equal(0, stream.Counters.Dropped);
        Assert.Equal(3, stream.SplicesSent);
        // The channel put the content changes on the splice ticks (the test's premise; 10-bit luma).
        var played = recorder.Frames.ToDictionary(f => f.Tick, f => (int)f.Inspected!);
        Assert.True(played[outTick - 1] < 200 && played[outTick] > 800 && played[returnTick - 1] > 800 && played[returnTick] < 800,
            $"content changes are not on ticks {outTick} and {returnTick}");

        var frames = TsProbe.VideoFrames(file);
        int breakStart = Array.FindIndex(frames, f => f.Luma > 200);
        int breakEnd = Array.FindIndex(frames, breakStart, f => f.Luma < 200);
        Assert.True(breakStart > 0 && breakEnd > breakStart, $"no white break in {file}");
        var sections = TsProbe.DataSections(file).Select(b => SpliceInfoSection.Decode(b)).ToList();
        Assert.Equal(frames[breakStart].Pts, sections.Single(s => s.Command is SpliceInsert { OutOfNetwork: true }).SplicePts);
        Assert.Equal(frames[breakStart].Pts, sections.Single(s => s.Command is TimeSignal).SplicePts);
        Assert.Equal(frames[breakEnd].Pts, sections.Single(s => s.Command is SpliceInsert { OutOfNetwork: false }).SplicePts);
        if (!udp)
            return;
        // The capture docs/SCTE35.md gives for checking a stream keeps its timestamps (the ffmpeg command's own muxer
        // delay, 1.4 s by default, would put the splice times 1.4 s before the cut).
        string remux = folder.File("capture.ts");
        ExternalTool.Run("ffmpeg", ["-nostdin", "-v", "error", "-copyts", "-i", file, "-map", "0", "-c", "copy", "-muxdelay", "0", "-muxpreload", "0", remux]);
        Assert.Equal(frames[breakStart].Pts, TsProbe.VideoFrames(remux)[breakStart].Pts);
        Assert.Equal(sections, TsProbe.DataSections(remux).Select(b => SpliceInfoSection.Decode(b)));
    }

    [Fact]
    public void Cueing_an_output_without_scte35_is_refused()
    {
        using var folder = new TempDirectory();
        using var test = new CardChannel();
        var stream = new StreamConsumer(test.Context, new StreamSettings(folder.File("plain.ts"), "mpegts", "libx264", "aac", "preset=ultrafast"));
        test.Channel.AddConsumer(stream);
        Assert.Throws<InvalidOperationException>(() => stream.CueSplice(10, new TimeSignal(SpliceTime.Immediate), TimeSpan.Zero));
    }

    [Fact]
    public void A_scte35_output_in_a_container_other_than_mpeg_ts_fails_with_an_alarm()
    {
        using var folder = new TempDirectory();
        using var test = new CardChannel();
        var stream = new StreamConsumer(test.Context, new StreamSettings(folder.File("out.mov"), "mov", "libx264", "aac", Scte35: true));
        test.Channel.AddConsumer(stream);
        Assert.True(SpinWait.SpinUntil(() => stream.Failure is not null, TimeSpan.FromSeconds(10)));
        Assert.Contains("SCTE-35", stream.Failure);
    }

    /// <summary>Reads the PAT and the first PMT out of a transport stream's packets.</summary>
    private static class TsTables
    {
        public static (List<(int Type, int Pid)> Streams, bool CueiRegistered) Pmt(byte[] ts)
        {
            int pmtPid = -1;
            for (int at = 0; at + 188 <= ts.Length; at += 188)
            {
                var p = ts.AsSpan(at, 188);
                Assert.Equal(0x47, p[0]);
                int pid = ((p[1] & 0x1F) << 8) | p[2];
                if ((p[1] & 0x40) == 0 || (pid != 0 && pid != pmtPid))
                    continue;
                int start = 4 + ((p[3] & 0x20) != 0 ? 1 + p[4] : 0);
                var section = p[(start + 1 + p[start])..];
                int length = 3 + (((section[1] & 0x0F) << 8) | section[2]);
                section = section[..length];
                Assert.Equal(0u, Crc32Mpeg2.Compute(section));
                if (pid == 0)
                {
                    pmtPid = ((section[10] & 0x1F) << 8) | section[11];
                    continue;
                }
                int info = ((section[10] & 0x0F) << 8) | section[11];
                bool cuei = false;
                for (int d = 12; d < 12 + info; d += 2 + section[d + 1])
                    cuei |= section[d] == 0x05 && section.Slice(d + 2, 4).SequenceEqual("CUEI"u8);
                var streams = new List<(int, int)>();
                for (int e = 12 + info; e + 5 <= length - 4; e += 5 + (((section[e + 3] & 0x0F) << 8) | section[e + 4]))
                    streams.Add((section[e], ((section[e + 1] & 0x1F) << 8) | section[e + 2]));
                return (streams, cuei);
            }
            throw new InvalidOperationException("no PMT in the stream");
        }
    }
}
