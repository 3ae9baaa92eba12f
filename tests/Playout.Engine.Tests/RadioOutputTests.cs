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
