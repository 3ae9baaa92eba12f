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
        // 96x32: an opaque white left half, a fully transparent right half.
        string file = folder.File(name);
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white@1.0:s=96x32,format=rgba,geq=r=255:g=255:b=255:a='if(lt(X,48),255,0)'",
            "-frames:v", "1", file);
        using var test = new CardChannel();
        var samples = new List<int[]>();
        test.Output.OnScanOut = (_, video, _) => samples.Add([Pixels.Luma(video, 126, 110), Pixels.Luma(video, 126 + 60, 110), Pixels.Luma(video, 100, 90)]);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(test.Context, "black")));
        test.Channel.Execute(StageCommands.Load(2, new StillProducer(name, null, ImageFiles.Overlay(test.Context, file, 120, 100))));
        test.Channel.RunTicks(1);

        // White where the graphic is opaque, the black below where it is transparent or absent.
        Assert.Equal([940, 64, 64], samples[0]);
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
