using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// A radio channel's outputs, read back by FFmpeg's tools and a real Icecast server: sound alone in MPEG-TS, in HLS (one
/// sound-only rendition) and on an Icecast mount titled with what is on air; a TV channel's sound-only stream and HLS
/// sound rendition too.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class RadioOutputTests
{
    private static readonly ModuleRegistry Modules = new(StandardModules.All);

    [Theory]
    [InlineData("radio", null)]
    [InlineData("720p50", "none")]
    public void A_stream_of_a_radio_channel_or_with_video_none_carries_one_sound_stream_and_no_picture(string format, string? video)
    {
        using var folder = new TempDirectory();
        using var context = Context(format);
        string file = folder.File("radio.ts");
        var settings = ModuleSettings.Empty.With("url", file).With("container", "mpegts").With("audio", "mp2").With("video", video);
        var stream = (StreamConsumer)Modules.CreateConsumer("stream", new ConsumerRequest(context, settings));
        Feed(context, stream, ticks: 2 * (int)context.Format.FrameRate.ToDouble());
        stream.Dispose();

        Assert.Null(stream.Failure);
        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file]));
        var only = Assert.Single(probe.RootElement.GetProperty("streams").EnumerateArray());
        Assert.Equal(("audio", "mp2"), (only.GetProperty("codec_type").GetString(), only.GetProperty("codec_name").GetString()));
        Assert.InRange(double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), 1.9, 2.1);
    }

    [Theory]
    [InlineData("radio", null)]
    [InlineData("720p50", "libx264")]
    public void The_title_on_air_rides_in_the_stream_as_timed_id3_as_it_changes_and_again_every_five_seconds(string format, string? video)
    {
        using var folder = new TempDirectory();
        var mode = VideoFormats.Parse(format);
        int rate = (int)mode.FrameRate.ToDouble(), ticks = 8 * rate + rate / 2;
        // Every tick is sent at once into a queue deep enough for all: the encoder runs far behind the titles, which must
        // still land on the frames that aired with them.
        using var context = new ChannelContext("radio 1", mode, 8, ticks + 8, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        string file = folder.File("radio.ts");
        var stream = new StreamConsumer(context, new StreamSettings(file, "mpegts", video, "mp2", video is null ? null : "preset=ultrafast", Queue: ticks)
            { NowPlaying = true });
        var picture = context.VideoPool.Rent();
        picture.Commit();
        for (long tick = 0; tick < ticks; tick++)
        {
            if (tick == 2 * rate || tick == 3 * rate)
                context.TitleOnAir(tick == 2 * rate ? "Song one" : "Bài hát hai", tick);
            NumberedSound.Send(context, stream, tick, picture);
        }
        picture.Release();
        stream.Dispose();
        Assert.Null(stream.Failure);
        Assert.Equal(0, stream.Counters.Dropped);

        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-of", "json", file]));
        var data = Assert.Single(probe.RootElement.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_type").GetString() == "data");
        Assert.Equal("timed_id3", data.GetProperty("codec_name").GetString());
        var times = ExternalTool.Run("ffprobe", ["-v", "error", "-select_streams", "d", "-show_entries", "packet=pts_time", "-of", "csv=p=0", file])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t != ",")
            .Select(t => double.Parse(t.TrimEnd(','), CultureInfo.InvariantCulture)).ToArray();
        double start = double.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-select_streams", "a", "-show_entries", "packet=pts_time", "-of", "csv=p=0",
            "-read_intervals", "%+#1", file]).Trim().TrimEnd(','), CultureInfo.InvariantCulture);
        // FFmpeg's demuxer takes five bytes off each payload as if it began with a metadata AU cell header, which ID3 carriage
        // as HLS players read it has not: the tags are read from the PES packets here.
        int pid = Convert.ToInt32(data.GetProperty("id").GetString(), 16);
        var titles = TimedId3.Payloads(File.ReadAllBytes(file), pid).Select(TimedId3.Title).ToList();
        // At 2 s the first title, at 3 s the second, and the second again 5 s later.
        Assert.Equal(["Song one", "Bài hát hai", "Bài hát hai"], titles);
        Assert.Equal([2.0, 3.0, 8.0], times.Select(t => Math.Round(t - start, 1)));
    }

    [Theory]
    [InlineData("radio", null)]
    [InlineData("1080i50", "libx264")]
    public void Now_and_next_ride_as_dvb_eit_present_following_which_wireshark_reads_and_the_sdt_announces(string format, string? video)
    {
        using var folder = new TempDirectory();
        using var context = Context(format);
        string file = folder.File("radio.ts");
        var settings = ModuleSettings.Empty.With("url", file).With("container", "mpegts").With("audio", "mp2").With("eit", true)
            .With("eitLanguage", "vie").With("video", video ?? "none").With("options", video is null ? "mpegts_service_id=9" : "preset=ultrafast:mpegts_service_id=9")
            .With("serviceProvider", "VOV: Hà Nội");
        var stream = (StreamConsumer)Modules.CreateConsumer("stream", new ConsumerRequest(context, settings));
        int rate = (int)context.Format.FrameRate.ToDouble();
        context.Guide = new ProgrammeGuide(new GuideEvent("Song one", 0, 3 * rate), new GuideEvent("Bài hát hai", 3 * rate, 10 * rate));
        var picture = context.VideoPool.Rent();
        picture.Commit();
        var started = DateTimeOffset.UtcNow;
        for (long tick = 0; tick < 5 * rate; tick++)
        {
            if (tick == 3 * rate)
                context.Guide = new ProgrammeGuide(new GuideEvent("Bài hát hai", 3 * rate, null), null);
            NumberedSound.Send(context, stream, tick, picture);
            Thread.Sleep(1000 / rate / 2);
        }
        picture.Release();
        stream.Dispose();
        Assert.Null(stream.Failure);

        // Wireshark's DVB dissectors, reading the transport stream itself.
        var sdt = ExternalTool.Run("tshark", ["-r", file, "-Y", "dvb_sdt", "-T", "fields", "-E", "separator=|", "-e", "dvb_sdt.svc.id",
                "-e", "dvb_sdt.svc.eit_present_following_flag", "-e", "mpeg_descr.svc.svc_name", "-e", "mpeg_descr.svc.provider_name"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(sdt);
        // The service is named after the channel, by the provider given (the service gives the station's name).
        Assert.All(sdt, line => Assert.Equal("0x0009|1|radio 1|VOV: Hà Nội", line));
        var sections = ExternalTool.Run("tshark", ["-r", file, "-Y", "dvb_eit", "-T", "fields", "-E", "separator=|", "-e", "dvb_eit.sid", "-e", "dvb_eit.version",
                "-e", "dvb_eit.sect_num", "-e", "dvb_eit.evt.running_status", "-e", "mpeg_descr.short_evt.lang_code", "-e", "mpeg_descr.short_evt.name",
                "-e", "dvb_eit.evt.duration", "-e", "dvb_eit.evt.start_time"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split('|')).ToList();
        // Version 0: the song on air (running) for 3 s and the next (not running) for 7 s; version 1 after the cut: the
        // second song, open-ended (all ones), and nothing following. Each sent again every second. Durations are BCD.
        Assert.All(sections, f => Assert.Equal("0x0009", f[0]));
        var first = sections.Where(f => f[1] == "0x00").ToList();
        Assert.Equal(["0|0x0004|vie|Song one|0x000003", "1|0x0001|vie|Bài hát hai|0x000007"], first.Take(2).Select(f => string.Join('|', f[2..7])));
        Assert.InRange(first.Count, 4, 8);
        var second = sections.Where(f => f[1] == "0x01").ToList();
        Assert.Equal(["0|0x0004|vie|Bài hát hai|0xffffff", "1||||"], second.Take(2).Select(f => string.Join('|', f[2..7])));
        // Start times are UTC on the channel's timeline: the first song from the output's first frame, the next 3 s on.
        var (songOne, songTwo) = (Utc(first[0][7]), Utc(first[1][7]));
        Assert.InRange((songOne - started.UtcDateTime).TotalSeconds, -2, 2);
        Assert.Equal(3, (songTwo - songOne).TotalSeconds, 0.51);
        Assert.Equal(songTwo, Utc(second[0][7]));
    }

    /// <summary>A time as tshark prints it ("Dec  6, 2026 14:22:58.000000000 UTC").</summary>
    private static DateTime Utc(string text) => DateTime.ParseExact(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        "MMM d, yyyy HH:mm:ss.fffffff00 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [Fact]
    public void Eit_is_refused_outside_mpeg_ts_and_a_language_that_is_no_iso_639_code_naming_the_setting()
    {
        using var context = Context("radio");
        var error = Assert.Throws<ModuleSettingException>(() => Modules.CreateConsumer("stream", new ConsumerRequest(context,
            ModuleSettings.Empty.With("url", "/tmp/unused.m4a").With("eit", true))));
        Assert.Equal("eit", error.Key);
        Assert.Contains("MPEG-TS only", error.Message);
        error = Assert.Throws<ModuleSettingException>(() => Modules.CreateConsumer("stream", new ConsumerRequest(context,
            ModuleSettings.Empty.With("url", "udp://127.0.0.1:5000").With("eit", true).With("eitLanguage", "Vietnamese"))));
        Assert.Equal("eitLanguage", error.Key);
        // The service's names must fit the SDT together: the longer one is named.
        error = Assert.Throws<ModuleSettingException>(() => Modules.CreateConsumer("stream", new ConsumerRequest(context,
            ModuleSettings.Empty.With("url", "udp://127.0.0.1:5000").With("serviceName", new string('Đ', 125)).With("serviceProvider", "VOV"))));
        Assert.Equal("serviceName", error.Key);
        Assert.Contains("253 bytes of UTF-8 together; at most 250", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_as_timed_metadata_are_refused_for_a_container_other_than_mpeg_ts_naming_the_setting()
    {
        using var context = Context("radio");
        var error = Assert.Throws<ModuleSettingException>(() => Modules.CreateConsumer("stream", new ConsumerRequest(context,
            ModuleSettings.Empty.With("url", "/tmp/unused.m4a").With("nowPlaying", true))));
        Assert.Equal("nowPlaying", error.Key);
        Assert.Contains("MPEG-TS only", error.Message);
    }

    [Fact]
    public void A_radio_channel_s_hls_is_one_sound_only_rendition_of_whole_segments()
    {
        using var folder = new TempDirectory();
        using var context = Context("radio");
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("segmentSeconds", 1.0)
            .With("renditions", new[] { new HlsRendition(720, 2_000_000) });
        var hls = (HlsConsumer)Modules.CreateConsumer("hls", new ConsumerRequest(context, settings));
        Feed(context, hls, ticks: 110);
        hls.Dispose();

        Assert.Equal("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n", hls.Master);
        Assert.False(Directory.Exists(folder.File("720p")));
        string playlist = File.ReadAllText(folder.File("audio/index.m3u8"));
        var durations = playlist.Split('\n').Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Select(l => double.Parse(l[8..].TrimEnd(','), CultureInfo.InvariantCulture)).ToArray();
        Assert.True(durations.Length >= 3, playlist);
        // AAC frames are 1024 samples (21.3 ms): a segment ends on the first frame boundary at or after its second.
        Assert.All(durations[..^1], d => Assert.InRange(d, 1.0, 1.03));
        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-of", "json", folder.File("audio/init.mp4")]));
        var only = Assert.Single(probe.RootElement.GetProperty("streams").EnumerateArray());
        Assert.Equal("aac", only.GetProperty("codec_name").GetString());
    }

    [Fact]
    public void A_tv_channel_s_hls_ladder_gains_a_sound_only_rendition_listed_last()
    {
        using var folder = new TempDirectory();
        using var context = Context("720p50");
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("audioOnly", true).With("preset", "ultrafast")
            .With("renditions", new[] { new HlsRendition(240, 300_000) });
        var hls = (HlsConsumer)Modules.CreateConsumer("hls", new ConsumerRequest(context, settings));
        Feed(context, hls, ticks: 60);
        hls.Dispose();

        var lines = hls.Master.Split('\n');
        Assert.Equal(["240p/index.m3u8", "audio/index.m3u8"], lines.Where(l => l.EndsWith(".m3u8", StringComparison.Ordinal)));
        Assert.Contains("#EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS=\"mp4a.40.2\"", lines);
        Assert.Contains("#EXTINF:", File.ReadAllText(folder.File("audio/index.m3u8")));
    }

    private static ChannelContext Context(string format) =>
        new("radio 1", VideoFormats.Parse(format), 8, 16, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));

    /// <summary>Sends <paramref name="ticks"/> frames of numbered sound (one picture for all) at twice the rate they would air.</summary>
    private static void Feed(ChannelContext context, IConsumer consumer, int ticks)
    {
        var picture = context.VideoPool.Rent();
        picture.Commit();
        for (long tick = 0; tick < ticks; tick++)
        {
            NumberedSound.Send(context, consumer, tick, picture);
            Thread.Sleep((int)(1000 / context.Format.FrameRate.ToDouble() / 2));
        }
        picture.Release();
    }
}
