using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// The "hls" output: a ladder of fMP4 renditions and a master playlist, read back by ffprobe: every rendition's segments
/// start with a key frame on the same frame, hold the same frames, and have the rendition's size.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class HlsOutputTests
{
    [Fact]
    public void Every_renditions_segments_start_on_the_same_key_frame()
    {
        using var folder = new TempDirectory();
        using var context = new ChannelContext("c", VideoFormats.Parse("1080i50"), 8, 8, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var settings = ModuleSettings.Empty.With("folder", folder.Path).With("segmentSeconds", 1.0).With("preset", "ultrafast")
            .With("renditions", new[] { new HlsRendition(360, 600_000), new HlsRendition(240, 300_000) });
        var hls = (HlsConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("hls", new ConsumerRequest(context, settings));
        var frame = context.VideoPool.Rent();
        new Random(1).NextBytes(frame.WritablePlane(0));
        frame.Commit();
        for (long tick = 0; tick < 130; tick++)
        {
            var audio = context.AudioPool.Rent();
            audio.Write(context.Format.AudioSamplesForFrame(tick));
            audio.Commit();
            hls.Send(tick, frame, audio);
            audio.Release();
            Thread.Sleep(20);
        }
        hls.Dispose();
        frame.Release();
        Assert.Equal(0, hls.Counters.Dropped);

        Assert.Equal(hls.Master, File.ReadAllText(folder.File("master.m3u8")));
        Assert.Contains("RESOLUTION=640x360,", hls.Master);
        Assert.Contains("RESOLUTION=426x240,", hls.Master);
        var segments = new Dictionary<int, string[]>();
        foreach (int height in new[] { 360, 240 })
        {
            string playlist = File.ReadAllText(folder.File($"{height}p/index.m3u8"));
            Assert.Contains("#EXT-X-MAP:URI=\"init.mp4\"", playlist);
            Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:", playlist);
            segments[height] = [.. playlist.Split('\n').Where(l => l.EndsWith(".m4s", StringComparison.Ordinal))];
        }
        Assert.True(segments[360].Length >= 4, $"{segments[360].Length} segments");
        Assert.Equal(segments[360], segments[240]);
        foreach (string segment in segments[360][..^1])
        {
            var frames = segments.Keys.Select(height => KeyFrames(folder, height, segment)).ToList();
            // 25 frames a segment at 25 frames a second, the first a key frame, the same in both renditions.
            Assert.All(frames, f => Assert.Equal("K" + new string('_', 24), f));
        }
        Assert.Contains("width=426", ExternalTool.Run("ffprobe", ["-v", "error", "-show_entries", "stream=width,height", folder.File("240p/init.mp4")]));
    }

    /// <summary>The segment's video frames as "K" (key) or "_", read by ffprobe from the rendition's init segment and it.</summary>
    private static string KeyFrames(TempDirectory folder, int height, string segment)
    {
        string joined = folder.File($"joined-{height}-{segment}.mp4");
        using (var output = File.Create(joined))
        {
            foreach (var part in new[] { "init.mp4", segment })
                using (var input = File.OpenRead(folder.File($"{height}p/{part}")))
                    input.CopyTo(output);
        }
        string packets = ExternalTool.Run("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=flags", "-of", "csv=p=0", joined]);
        return string.Concat(packets.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => f.StartsWith('K') ? 'K' : '_'));
    }

    [Theory]
    [InlineData("segmentSeconds", 0.5)]
    [InlineData("listSize", 2)]
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
