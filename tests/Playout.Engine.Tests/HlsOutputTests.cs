using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Scte35;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// The "hls" output: a ladder of fMP4 renditions and a master playlist, read back by ffprobe: every rendition's segments
/// start with a key frame on the same frame, hold the same frames, and have the rendition's size.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class HlsOutputTests
{
    [Theory]
    [InlineData("fmp4")]
    [InlineData("ts")]
    public void Every_renditions_segments_start_on_the_same_key_frame(string segmentType)
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse("1080i50"), 8, 32, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast")
            .With("segmentType", segmentType).With("renditions", new[] { new HlsRendition(360, 600_000), new HlsRendition(240, 300_000) });
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, settings));
        var frame = context.VideoPool.Rent();
        new Random(1).NextBytes(frame.WritablePlane(0));
        frame.Commit();
        for (long tick = 0; tick < 130; tick++)
        {
            Send(context, hls, tick, frame);
        }
        hls.Dispose();
        frame.Release();
        Assert.Equal(0, hls.Counters.Dropped);

        Assert.Equal(hls.Master, File.ReadAllText(folder.File("master.m3u8")));
        Assert.Contains("RESOLUTION=640x360,", hls.Master);
        Assert.Contains("RESOLUTION=426x240,", hls.Master);
        var segments = new Dictionary<int, string[]>();
        string extension = segmentType == "ts" ? ".ts" : ".m4s";
        foreach (int height in new[] { 360, 240 })
        {
            string playlist = File.ReadAllText(folder.File($"{height}p/index.m3u8"));
            Assert.Equal(segmentType == "fmp4", playlist.Contains("#EXT-X-MAP:URI=\"init.mp4\"", StringComparison.Ordinal));
            Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:", playlist);
            segments[height] = [.. playlist.Split('\n').Where(l => l.EndsWith(extension, StringComparison.Ordinal))];
        }
        Assert.True(segments[360].Length >= 4, $"{segments[360].Length} segments");
        Assert.Equal(segments[360], segments[240]);
        foreach (string segment in segments[360][..^1])
        {
            var frames = segments.Keys.Select(height => KeyFrames(folder, height, segment)).ToList();
            // 25 frames a segment at 25 frames a second, the first a key frame, the same in both renditions.
            Assert.All(frames, f => Assert.Equal("K" + new string('_', 24), f));
        }
        Assert.Contains("width=426", ExternalTool.Run("ffprobe", ["-v", "error", "-show_entries", "stream=width,height",
            folder.File($"240p/{(segmentType == "ts" ? segments[360][0] : "init.mp4")}")]));
    }

    /// <summary>The segment's video frames as "K" (key) or "_", read by ffprobe from the rendition's init segment (fMP4) and it.</summary>
    private static string KeyFrames(TempDirectory folder, int height, string segment)
    {
        string joined = folder.File($"joined-{height}-{segment}");
        using (var output = File.Create(joined))
        {
            foreach (var part in segment.EndsWith(".ts", StringComparison.Ordinal) ? [segment] : new[] { "init.mp4", segment })
                using (var input = File.OpenRead(folder.File($"{height}p/{part}")))
                    input.CopyTo(output);
        }
        string packets = ExternalTool.Run("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=flags", "-of", "csv=p=0", joined]);
        return string.Concat(packets.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => f.StartsWith('K') ? 'K' : '_'));
    }

    [Theory]
    [InlineData("720p50")]
    [InlineData("1080i59.94")]
    public void Every_rendition_dates_its_segments_alike_and_lists_titles_and_splices_at_their_frames_over_a_dvr_window(string formatName)
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 8, 32, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var format = context.Format;
        // A segment is the whole frames nearest a second: 50 at 50 frames a second, 30 (1.001 s) at 29.97.
        long segment = (long)Math.Round(format.FrameRate.ToDouble());
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast").With("listSize", 3)
            .With("dvrSeconds", 4.0).With("scte35", true).With("cueTags", true).With("audioOnly", true)
            .With("renditions", new[] { new HlsRendition(240, 300_000), new HlsRendition(144, 200_000) });
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, settings));
        var leave = new SpliceInsert(1001, true, SpliceTime.Immediate, BreakDuration.FromTimeSpan(TimeSpan.FromSeconds(30), autoReturn: true));
        hls.CueSplice(230, leave, TimeSpan.FromSeconds(4));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        for (long tick = 0; tick < 330; tick++)
        {
            // The second title is noticed three frames after its take, as the automation notes takes: dated at the take.
            if (tick == 0)
                context.TitleOnAir("Song one", 0);
            if (tick == 263)
                context.TitleOnAir("Bài hát hai", 260);
            Send(context, hls, tick, frame);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => hls.CueSplice(300, leave, TimeSpan.Zero));
        hls.Dispose();
        frame.Release();
        Assert.False(context.Alarms.IsActive("c/hls"));

        var playlists = new[] { "240p", "144p", "audio" }.ToDictionary(r => r, r => Listed(File.ReadAllText(folder.File($"{r}/index.m3u8"))));
        // The DVR window: four segments listed, not the live window's three; the older ones are gone from the folder.
        var video = playlists["240p"];
        Assert.Equal(4, video.Segments.Count);
        Assert.True(video.Sequence >= 2, $"first listed: {video.Sequence}");
        Assert.False(File.Exists(folder.File($"240p/segment{video.Sequence - 2}.m4s")));
        // One timeline: the video renditions' segments have the same dates, a segment apart (to the playlist's millisecond);
        // the sound's begin within an AAC frame of them.
        Assert.Equal(video.Segments.Select(s => s.Date), playlists["144p"].Segments.Select(s => s.Date));
        Assert.All(video.Segments.Skip(1).Zip(video.Segments), p => Near(format.TimeOf(segment), p.First.Date - p.Second.Date));
        var sound = playlists["audio"];
        Assert.All(sound.Segments.Where(s => video.Segments.Any(v => v.Uri == s.Uri)),
            s => Assert.InRange((s.Date - video.Segments.Single(v => v.Uri == s.Uri).Date).TotalMilliseconds, 0, 22));

        foreach (var (rendition, playlist) in playlists)
        {
            // Frame n of the output is at the first segment's date + (n - a segment's frames × its number) frames.
            var zero = playlist.Segments[0].Date - format.TimeOf(segment * playlist.Sequence);
            if (rendition == "audio")
                zero = video.Segments[0].Date - format.TimeOf(segment * video.Sequence);
            var splice = playlist.Ranges.Single(r => r.Id == "splice-1001");
            Near(zero + format.TimeOf(230), splice.Start);
            Assert.Equal(leave, SpliceInfoSection.Decode(Convert.FromHexString(splice.Attributes["SCTE35-OUT"][2..])).Command);
            Assert.Equal("30.000", splice.Attributes["PLANNED-DURATION"]);
            var titles = playlist.Ranges.Where(r => r.Attributes.GetValueOrDefault("CLASS") == "\"org.playout.now-playing\"").ToList();
            Assert.Equal(["\"Song one\"", "\"Bài hát hai\""], titles.Select(t => t.Attributes["X-TITLE"]));
            Near(zero + format.TimeOf(260), titles[1].Start);
            Assert.Equal($"\"{HlsDateRange.Date(titles[1].Start)}\"", titles[0].Attributes["END-DATE"]);
            // Each range comes before the segment it begins in (or the first, when it began earlier).
            Assert.All(playlist.Ranges, r => Assert.True(r.Before == 0 || playlist.Segments[r.Before].Date <= r.Start
                && (r.Before + 1 == playlist.Segments.Count || r.Start < playlist.Segments[r.Before + 1].Date), $"{rendition}: {r.Id} before segment {r.Before}"));
            // The cue tags: the break leaves at the segment boundary nearest its splice frame (within an AAC frame for the sound).
            var lines = File.ReadAllText(folder.File($"{rendition}/index.m3u8")).Split('\n');
            int cue = Array.IndexOf(lines, "#EXT-X-CUE-OUT:DURATION=30.000");
            Assert.True(cue > 0, $"{rendition}: no CUE-OUT");
            var boundary = DateTimeOffset.Parse(lines.Skip(cue).First(l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))[25..],
                CultureInfo.InvariantCulture);
            var expected = zero + format.TimeOf((long)Math.Round(230.0 / segment) * segment);
            Assert.InRange((boundary - expected).TotalMilliseconds, -2, rendition == "audio" ? 22 : 2);
        }
    }

    [Fact]
    public void With_ts_segments_the_title_on_air_also_rides_in_every_renditions_segments_as_timed_id3()
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 8, 32, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast").With("listSize", 20)
            .With("segmentType", "ts").With("nowPlaying", true).With("audioOnly", true).With("renditions", new[] { new HlsRendition(240, 300_000) });
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, settings));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        for (long tick = 0; tick < 400; tick++)
        {
            if (tick is 0 or 100)
                context.TitleOnAir(tick == 0 ? "Song one" : "Bài hát hai", tick);
            Send(context, hls, tick, frame);
        }
        hls.Dispose();
        frame.Release();

        foreach (string rendition in new[] { "240p", "audio" })
        {
            var segments = File.ReadAllText(folder.File($"{rendition}/index.m3u8")).Split('\n').Where(l => l.EndsWith(".ts", StringComparison.Ordinal))
                .Select(name => File.ReadAllBytes(folder.File($"{rendition}/{name}"))).ToList();
            Assert.True(segments.Count >= 7, $"{rendition}: {segments.Count} segments");
            // Each segment's PMT lists the metadata stream; the titles come as they change and again every 5 s.
            Assert.All(segments, ts => Assert.True(TimedId3.Pid(ts) > 0, $"{rendition}: a segment without a metadata stream"));
            var titles = segments.SelectMany(ts => TimedId3.Payloads(ts, TimedId3.Pid(ts))).Select(TimedId3.Title).ToList();
            Assert.Equal(["Song one", "Bài hát hai", "Bài hát hai"], titles);
        }
        // fMP4 segments have no place for it: the setting is refused, naming it.
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("hls",
            new ConsumerRequest(context, ModuleSettings.Empty.With("folder", folder.File("fmp4")).With("nowPlaying", true))));
        Assert.Equal("nowPlaying", error.Key);
        Assert.Contains("segmentType", error.Message);
    }

    [Fact]
    public void An_interlaced_channels_renditions_are_deinterlaced_so_opposite_fields_show_no_combs()
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse("1080i50"), 8, 32, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, ModuleSettings.Empty
            .With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast").With("renditions", new[] { new HlsRendition(360, 2_000_000) })));
        // The top field white, the bottom field black: what movement between fields looks like at its worst.
        var frame = context.VideoPool.Rent();
        int width = context.Format.Width;
        ushort[] white = [.. Enumerable.Repeat((ushort)940, width)], black = [.. Enumerable.Repeat((ushort)64, width)], chroma = [.. Enumerable.Repeat((ushort)512, width / 2)];
        for (int line = 0; line < context.Format.Height; line++)
            Playout.Media.Kernels.V210.Pack(line % 2 == 0 ? white : black, chroma, chroma, frame.WritableLine(0, line), width);
        frame.Commit();
        for (long tick = 0; tick < 30; tick++)
        {
            Send(context, hls, tick, frame);
        }
        hls.Dispose();
        frame.Release();

        string joined = folder.File("joined.mp4");
        using (var output = File.Create(joined))
            foreach (var part in new[] { "init.mp4", "segment0.m4s" })
                using (var input = File.OpenRead(folder.File($"360p/{part}")))
                    input.CopyTo(output);
        string gray = folder.File("frame.gray");
        Ffmpeg.Run("-i", joined, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", gray);
        var luma = File.ReadAllBytes(gray);
        Assert.Equal(640 * 360, luma.Length);
        // Each row's mean: one grey level all the way down (940 and 64 blended: 502 of 1023, about 125 of 255), no stripes.
        var rows = Enumerable.Range(0, 360).Select(r => luma.AsSpan(r * 640, 640).ToArray().Average(b => (double)b)).ToArray();
        Assert.All(rows, mean => Assert.InRange(mean, 118, 132));
        Assert.True(rows.Zip(rows.Skip(1)).Max(p => Math.Abs(p.First - p.Second)) < 2, $"rows differ by up to {rows.Zip(rows.Skip(1)).Max(p => Math.Abs(p.First - p.Second)):F1}");
    }

    [Fact]
    public void A_playlist_it_cannot_write_is_alarmed_while_the_renditions_go_on_and_cleared_once_written_and_an_earlier_runs_files_go()
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 8, 32, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        // Where the playlist goes, a folder: the rename onto it fails.
        Directory.CreateDirectory(folder.File("144p/index.m3u8"));
        // What a run before left: its segments go, a file of someone else's stays.
        foreach (string stale in new[] { "segment7.m4s", "index3.m4s", "segment2.ts", "init.mp4", ".ffmpeg.m3u8", "notes.txt" })
            File.WriteAllText(folder.File($"144p/{stale}"), "earlier");
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, ModuleSettings.Empty
            .With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast").With("renditions", new[] { new HlsRendition(144, 200_000) })));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        bool alarmed = false, cleared = false;
        long alarmedAt = -1;
        for (long tick = 0; tick < 400 && !cleared; tick++)
        {
            Send(context, hls, tick, frame);
            if (!alarmed && context.Alarms.IsActive("c/hls"))
            {
                alarmed = true;
                alarmedAt = tick;
                Assert.Contains("could not be written", context.Alarms.Active.Single(a => a.Source == "c/hls").Message);
            }
            // Still failing: the alarm stays (a look that finds nothing new is not a playlist written), until the way is clear.
            if (alarmed && tick < alarmedAt + 60)
                Assert.True(context.Alarms.IsActive("c/hls"), $"the alarm went {tick - alarmedAt} ticks after it came, the playlist still unwritable");
            // Only once alarmed: a muxer slow to write its first playlist must still meet the folder.
            if (alarmed && tick == alarmedAt + 60)
                Directory.Delete(folder.File("144p/index.m3u8"));
            cleared = alarmed && tick > alarmedAt + 60 && !context.Alarms.IsActive("c/hls");
        }
        hls.Dispose();
        frame.Release();
        Assert.True(alarmed && cleared, $"alarmed {alarmed}, cleared {cleared}");
        Assert.Equal(0, hls.Counters.Dropped);
        Assert.Contains("#EXT-X-ENDLIST", File.ReadAllText(folder.File("144p/index.m3u8")));
        Assert.False(File.Exists(folder.File("144p/segment7.m4s")) && File.ReadAllText(folder.File("144p/segment7.m4s")) == "earlier");
        Assert.False(File.Exists(folder.File("144p/index3.m4s")));
        Assert.False(File.Exists(folder.File("144p/segment2.ts")));
        Assert.Equal("earlier", File.ReadAllText(folder.File("144p/notes.txt")));
    }

    /// <summary>Equal to the playlist's precision: dates are written to the millisecond, each rounded on its own.</summary>
    private static void Near(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(Math.Abs((expected - actual).TotalMilliseconds) <= 2, $"{actual:O} is not {expected:O}");

    private static void Near(TimeSpan expected, TimeSpan actual) =>
        Assert.True(Math.Abs((expected - actual).TotalMilliseconds) <= 2, $"{actual} is not {expected}");

    /// <summary>Sends the frame of <paramref name="tick"/> with a frame's silence, then waits 20 ms (faster than 50 frames a second, slower than the encoders).</summary>
    private static void Send(ChannelContext context, HlsConsumer hls, long tick, Frame frame)
    {
        var audio = context.AudioPool.Rent();
        audio.Write(context.Format.AudioSamplesForFrame(tick));
        audio.Commit();
        hls.Send(tick, frame, audio);
        audio.Release();
        Thread.Sleep(20);
    }

    private sealed record ListedSegment(string Uri, DateTimeOffset Date);

    private sealed record ListedRange(string Id, DateTimeOffset Start, Dictionary<string, string> Attributes, int Before);

    private sealed record ListedPlaylist(long Sequence, List<ListedSegment> Segments, List<ListedRange> Ranges);

    /// <summary>A written playlist read as a player reads it: segments with their dates, date ranges with their attributes.</summary>
    private static ListedPlaylist Listed(string text)
    {
        long sequence = 0;
        var segments = new List<ListedSegment>();
        var ranges = new List<ListedRange>();
        DateTimeOffset? date = null;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))
                sequence = long.Parse(line[22..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
                date = DateTimeOffset.Parse(line[25..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("#EXT-X-DATERANGE:", StringComparison.Ordinal))
            {
                var attributes = System.Text.RegularExpressions.Regex.Matches(line[17..], "([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)")
                    .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
                ranges.Add(new ListedRange(attributes["ID"].Trim('"'), DateTimeOffset.Parse(attributes["START-DATE"].Trim('"'), CultureInfo.InvariantCulture),
                    attributes, segments.Count));
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                segments.Add(new ListedSegment(line, date ?? throw new InvalidOperationException($"{line} has no date")));
                date = null;
            }
        }
        return new ListedPlaylist(sequence, segments, ranges);
    }

    [Theory]
    [InlineData("segmentSeconds", 0.5)]
    [InlineData("listSize", 2)]
    [InlineData("dvrSeconds", -1.0)]
    [InlineData("dvrSeconds", 43201.0)]
    [InlineData("segmentType", "mp4")]
    [InlineData("cueTags", true)]
    public void A_setting_it_cannot_use_is_named(string key, object value)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("hls",
            new ConsumerRequest(context, ModuleSettings.Empty.With("folder", "/tmp/unused").With(key, value))));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void A_folder_it_cannot_write_and_a_rendition_it_cannot_make_are_named()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("file"), "not a folder");
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var registry = new ModuleRegistry(StandardModules.All);
        var unwritable = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("hls",
            new ConsumerRequest(context, ModuleSettings.Empty.With("folder", folder.File("file/hls")))));
        Assert.Equal("folder", unwritable.Key);
        Assert.Contains(folder.File("file/hls"), unwritable.Message);
        var odd = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("hls", new ConsumerRequest(context,
            ModuleSettings.Empty.With("folder", folder.File("hls")).With("renditions", new[] { new HlsRendition(361, 1_000_000) }))));
        Assert.Equal("renditions", odd.Key);
        Assert.Contains("361 lines", odd.Message);
    }
}
