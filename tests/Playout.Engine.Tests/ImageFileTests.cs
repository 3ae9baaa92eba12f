using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class ImageFileTests
{
    [Theory]
    [InlineData("logo.png")]
    [InlineData("logo.tga")]
    public void A_graphic_with_alpha_is_keyed_at_its_position_and_transparent_where_its_alpha_is_zero(string name)
    {
        using var folder = new TempDirectory();
        string file = HalfOpaqueLogo(folder, name);
        using var test = new CardChannel();
        var samples = new List<int[]>();
        test.Output.OnScanOut = (_, video, _) => samples.Add([Pixels.Luma(video, 126, 110), Pixels.Luma(video, 126 + 60, 110), Pixels.Luma(video, 100, 90)]);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer(name, null, ImageFiles.Overlay(test.Context, file, 120, 100))));
        test.Channel.RunTicks(1);

        // White where the graphic is opaque, the black below where it is transparent or absent.
        Assert.Equal([940, 64, 64], samples[0]);
    }

    [Theory]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    [InlineData("1080i50")]
    public void A_logo_near_the_right_edge_is_keyed_on_every_tick_at_every_width(string format)
    {
        using var folder = new TempDirectory();
        string file = HalfOpaqueLogo(folder, "logo.png");
        using var test = new CardChannel(format);
        int x = test.Context.Format.Width - 97, y = 61;
        var samples = new List<int[]>();
        test.Output.OnScanOut = (_, video, _) => samples.Add([Pixels.Luma(video, x + 1, y + 5), Pixels.Luma(video, x + 60, y + 5), Pixels.Luma(video, x - 2, y + 5)]);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer("logo", null, ImageFiles.Overlay(test.Context, file, x, y))));
        test.Channel.RunTicks(5);

        // Every tick reaches the card (a failed tick sends nothing), each with the logo: white where it is opaque.
        Assert.Equal(5, test.Output.Counters.FramesPlayed);
        Assert.All(samples, s => Assert.Equal([940, 64, 64], s));
    }

    [Fact]
    public void A_logo_is_kept_at_its_own_size_and_prepared_once_per_file_version()
    {
        using var folder = new TempDirectory();
        string file = HalfOpaqueLogo(folder, "logo.png");
        var cache = new GraphicsCache(64 << 20);
        var alarms = new Alarms.AlarmBoard(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using var context = new Channels.ChannelContext("8k", Media.Formats.VideoFormats.Parse("4320p50"), 1, 1,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, alarms);

        var first = ImageFiles.Overlay(context, file, 7000, 100, cache);
        var again = ImageFiles.Overlay(context, file, 7000, 100, cache);

        // A 96x32 logo on an 8K raster holds its own blocks (here 3 blocks by 32 lines), not 2 x 88 MB of raster.
        Assert.Equal((6960, 100, 32), (first.Left, first.Top, first.Height));
        Assert.InRange(first.MemoryBytes, 1, 64 << 10);
        // The second cue found the first one's graphic: no decoding, no conversion.
        Assert.Same(first, again);
        Assert.Equal(1, cache.Prepared);

        // Replaced on disk (new stamp): read again, and the old version is dropped.
        Ffmpeg.Run("-y", "-f", "lavfi", "-i", "color=c=white@1.0:s=64x20,format=rgba", "-frames:v", "1", file);
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));
        var replaced = ImageFiles.Overlay(context, file, 7000, 100, cache);
        Assert.NotSame(first, replaced);
        Assert.Equal(20, replaced.Height);
        Assert.Equal((2, 1), (cache.Prepared, cache.Count));
    }

    [Fact]
    public void A_logo_placed_off_the_raster_is_refused_naming_the_file_and_the_raster()
    {
        using var folder = new TempDirectory();
        string file = HalfOpaqueLogo(folder, "logo.png");
        using var test = new CardChannel("720p50");
        // demo.json's logo position for 1080 lines, on a 720p channel.
        var error = Assert.Throws<InvalidOperationException>(() => ImageFiles.Overlay(test.Context, file, 1660, 60));
        Assert.Contains("logo.png", error.Message);
        Assert.Contains("1280x720", error.Message);
    }

    /// <summary>96x32: an opaque white left half, a fully transparent right half.</summary>
    private static string HalfOpaqueLogo(TempDirectory folder, string name)
    {
        string file = folder.File(name);
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white@1.0:s=96x32,format=rgba,geq=r=255:g=255:b=255:a='if(lt(X,48),255,0)'",
            "-frames:v", "1", file);
        return file;
    }

    [Fact]
    public void A_jpeg_slate_is_fitted_to_the_raster()
    {
        using var folder = new TempDirectory();
        string slate = folder.File("slate.jpg");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=0x808080:s=1024x576", "-frames:v", "1", "-q:v", "2", slate);
        using var test = new CardChannel();
        var frame = ImageFiles.Picture(test.Context, slate);
        var luma = new List<(int Top, int Centre)>();
        test.Output.OnScanOut = (_, video, _) => luma.Add((Pixels.Luma(video, 20, 20), Pixels.Luma(video, 360, 288)));
        test.Channel.Execute(StageCommands.Load(1, new StillProducer("slate", frame)));
        test.Channel.RunTicks(1);

        // A 16:9 picture on a 4:3 SD channel is letterboxed: black bars top and bottom, mid grey (about 502) inside.
        Assert.Equal(64, luma[0].Top);
        Assert.InRange(luma[0].Centre, 490, 515);
    }

    [Fact]
    public void A_file_that_is_not_a_picture_is_refused_with_its_name_and_ffmpegs_reason()
    {
        using var folder = new TempDirectory();
        string file = folder.Write("broken.png", [1, 2, 3, 4, 5, 6, 7, 8]);
        using var test = new CardChannel();
        var error = Assert.Throws<InvalidDataException>(() => ImageFiles.Overlay(test.Context, file, 0, 0));
        Assert.Contains("broken.png", error.Message);
    }
}
