using Playout.TestSupport;
namespace Playout.Interop.Tests;

public sealed class FfmpegV210DecoderTests
{
    [Theory]
    [InlineData(8, 4, "testsrc2", true)]
    [InlineData(62, 5, "testsrc2", false)]
    [InlineData(1920, 1080, "testsrc2", true)]
    [InlineData(1920, 1080, "testsrc2", false)]
    [InlineData(1922, 4, "testsrc2", true)]
    [InlineData(62, 5, "random", true)]
    [InlineData(1920, 6, "random", false)]
    public void DecodesExactlyLikeTheFfmpegCli(int width, int height, string source, bool paddedInput)
    {
        using var folder = new TempDirectory();
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, width, height);
        // Random bytes include the two unused bits of every v210 word and out-of-range values.
        string input = source == "random"
            ? folder.Write("in.v210", RandomBytes(decoder.FrameSize, seed: width + height))
            : Ffmpeg.EncodeRawFile(Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le"), width, height, "v210",
                folder.File("cli.v210"));
        byte[] expected = Ffmpeg.DecodeV210(input, width, height, folder.File("cli.yuv"));
        var v210 = new byte[decoder.FrameSize + (paddedInput ? FfmpegBuffers.Padding : 0)];
        File.ReadAllBytes(input).CopyTo(v210, 0);
        using var picture = TestPicture.Yuv422P10(width, height);

        decoder.Decode(v210, picture);

        BytesAssert.Equal(expected, picture.ToRaw());
    }

    [Fact]
    public void RejectsFewerThanFourLines()
    {
        var e = Assert.Throws<PlayoutAvException>(() => new FfmpegPackedDecoder(FfmpegPackedCodec.V210, 8, 3));

        Assert.Equal(-10013, e.ErrorCode);
        Assert.Contains("at least 4 lines", e.Message);
    }

    [Fact]
    public void RejectsAnOddWidth()
    {
        var e = Assert.Throws<PlayoutAvException>(() => new FfmpegPackedDecoder(FfmpegPackedCodec.V210, 7, 4));

        Assert.Equal(-10003, e.ErrorCode);
        Assert.Contains("width must be even", e.Message);
    }

    [Fact]
    public void RejectsAnInputSmallerThanAFrame()
    {
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, 8, 4);
        using var picture = TestPicture.Yuv422P10(8, 4);

        var e = Assert.Throws<PlayoutAvException>(() => decoder.Decode(new byte[decoder.FrameSize - 1], picture));

        Assert.Equal(-10008, e.ErrorCode);
        Assert.Contains("packed buffer is too small", e.Message);
    }

    [Fact]
    public void RejectsAPlaneOffTheAlignment()
    {
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, 8, 4);
        using var picture = TestPicture.Yuv422P10(8, 4);

        var e = Assert.Throws<PlayoutAvException>(() => decoder.Decode(new byte[decoder.FrameSize],
            picture.Samples(0)[1..], picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2)));

        Assert.Equal(-10009, e.ErrorCode);
        Assert.Contains("64-byte boundaries", e.Message);
    }

    [Fact]
    public void RejectsOverlappingPlanes()
    {
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, 8, 4);
        using var picture = TestPicture.Yuv422P10(8, 4);

        var e = Assert.Throws<PlayoutAvException>(() => decoder.Decode(new byte[decoder.FrameSize],
            picture.Samples(0), picture.SampleStride(0), picture.Samples(0), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2)));

        Assert.Equal(-10010, e.ErrorCode);
        Assert.Contains("planes overlap", e.Message);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
