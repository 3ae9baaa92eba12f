using Playout.TestSupport;
namespace Playout.Interop.Tests;

public sealed class FfmpegScalerTests
{
    [Theory]
    [InlineData("uyvy422", 64, 36, 64, 36, FfmpegScalerFlags.Point)]
    [InlineData("uyvy422", 62, 35, 62, 35, FfmpegScalerFlags.Bilinear)]
    [InlineData("uyvy422", 1920, 1080, 1920, 1080, FfmpegScalerFlags.Point)]
    [InlineData("uyvy422", 1920, 1080, 1280, 720, FfmpegScalerFlags.Area)]
    [InlineData("uyvy422", 62, 36, 96, 54, FfmpegScalerFlags.Bilinear)]
    [InlineData("bgra", 64, 36, 64, 36, FfmpegScalerFlags.Point)]
    [InlineData("bgra", 62, 35, 62, 35, FfmpegScalerFlags.Bilinear)]
    [InlineData("bgra", 1920, 1080, 1920, 1080, FfmpegScalerFlags.Bilinear)]
    [InlineData("bgra", 1920, 1080, 1280, 720, FfmpegScalerFlags.Area)]
    [InlineData("bgra", 62, 36, 96, 54, FfmpegScalerFlags.Bilinear)]
    public void ConvertsToYuv422P10ExactlyLikeTheFfmpegCli(string sourceFormat, int sourceWidth, int sourceHeight,
        int width, int height, FfmpegScalerFlags flags)
    {
        using var folder = new TempDirectory();
        string input = Ffmpeg.TestPicture(folder.File("in.raw"), sourceWidth, sourceHeight, sourceFormat);
        string output = folder.File("cli.yuv");
        Ffmpeg.Run("-f", "rawvideo", "-pix_fmt", sourceFormat, "-s", $"{sourceWidth}x{sourceHeight}", "-i", input,
            "-vf", $"scale={width}:{height}:flags={CliName(flags)}", "-pix_fmt", "yuv422p10le",
            "-f", "rawvideo", output);
        int bytesPerPixel = sourceFormat == "bgra" ? 4 : 2;
        using var source = TestPicture.Packed(sourceWidth * bytesPerPixel, sourceHeight).Load(File.ReadAllBytes(input));
        using var destination = TestPicture.Yuv422P10(width, height);
        using var scaler = new FfmpegScaler(sourceWidth, sourceHeight, sourceFormat, width, height, "yuv422p10le", flags);

        scaler.Scale(source.AsSource(), destination.AsDestination());

        BytesAssert.Equal(File.ReadAllBytes(output), destination.ToRaw());
    }

    [Fact]
    public void RejectsAnUnknownPixelFormatName()
    {
        var e = Assert.Throws<PlayoutAvException>(() =>
            new FfmpegScaler(64, 36, "uyvy422", 64, 36, "yuv422p10lx", FfmpegScalerFlags.Point));

        Assert.Equal(-10004, e.ErrorCode);
        Assert.Equal("PlayoutAv_ScalerOpen", e.Function);
        Assert.Contains("unknown pixel format name", e.Message);
        Assert.Contains("yuv422p10lx", e.Message);
    }

    [Fact]
    public void RejectsAFormatSwscaleCannotWrite()
    {
        var e = Assert.Throws<PlayoutAvException>(() =>
            new FfmpegScaler(64, 36, "uyvy422", 64, 36, "vaapi", FfmpegScalerFlags.Point));

        Assert.Equal(-10005, e.ErrorCode);
        Assert.Contains("swscale cannot read (source) or write (destination)", e.Message);
    }

    [Fact]
    public void RejectsTwoAlgorithms()
    {
        var e = Assert.Throws<PlayoutAvException>(() =>
            new FfmpegScaler(64, 36, "uyvy422", 64, 36, "yuv422p10le", FfmpegScalerFlags.Point | FfmpegScalerFlags.Area));

        Assert.Equal(-10011, e.ErrorCode);
        Assert.Contains("Point, Area", e.Message);
    }

    [Fact]
    public void RejectsAMissingDestinationPlane()
    {
        using var source = TestPicture.Packed(64 * 2, 36);
        using var destination = TestPicture.Yuv422P10(64, 36);
        using var scaler = new FfmpegScaler(64, 36, "uyvy422", 64, 36, "yuv422p10le", FfmpegScalerFlags.Point);

        var e = Assert.Throws<PlayoutAvException>(() =>
            scaler.Scale(source.AsSource(), new ImagePlanes(destination.Plane(0), destination.Stride(0))));

        Assert.Equal(-10001, e.ErrorCode);
        Assert.Contains("pointer argument is NULL", e.Message);
    }

    [Fact]
    public void RejectsADestinationPlaneTooSmall()
    {
        using var source = TestPicture.Packed(64 * 4, 36);
        using var destination = TestPicture.Yuv422P10(64, 36);
        using var scaler = new FfmpegScaler(64, 36, "bgra", 64, 36, "yuv422p10le", FfmpegScalerFlags.Point);
        int tight = 35 * destination.Stride(2) + 64;

        var e = Assert.Throws<PlayoutAvException>(() => scaler.Scale(source.AsSource(), new ImagePlanes(
            destination.Plane(0), destination.Stride(0), destination.Plane(1), destination.Stride(1),
            destination.Plane(2)[..tight], destination.Stride(2))));

        Assert.Equal(-10007, e.ErrorCode);
        Assert.Contains("plane buffer is too small", e.Message);
    }

    /// <summary>The name swscale's "flags" option gives an algorithm.</summary>
    private static string CliName(FfmpegScalerFlags flags) => flags switch
    {
        FfmpegScalerFlags.Point => "neighbor",
        FfmpegScalerFlags.Bilinear => "bilinear",
        FfmpegScalerFlags.Area => "area",
        _ => throw new ArgumentOutOfRangeException(nameof(flags), flags, "no CLI name mapped"),
    };
}
