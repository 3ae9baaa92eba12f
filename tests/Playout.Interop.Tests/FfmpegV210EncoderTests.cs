using Playout.TestSupport;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Playout.Interop.Tests;

public sealed class FfmpegV210EncoderTests
{
    [Theory]
    [InlineData(2, 1, "testsrc2")]
    [InlineData(8, 3, "testsrc2")]
    [InlineData(62, 5, "testsrc2")]
    [InlineData(1920, 1080, "testsrc2")]
    [InlineData(1922, 4, "testsrc2")]
    [InlineData(62, 5, "random")]
    [InlineData(1920, 6, "random")]
    public void EncodesExactlyLikeTheFfmpegCli(int width, int height, string source)
    {
        using var folder = new TempDirectory();
        string input = source == "random"
            ? folder.Write("in.yuv", RandomYuv422P10(width, height))
            : Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le");
        byte[] expected = Ffmpeg.EncodeRaw(input, width, height, "v210", folder.File("cli.v210"));
        using var picture = TestPicture.Yuv422P10(width, height).Load(File.ReadAllBytes(input));
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, width, height);
        var v210 = new byte[encoder.FrameSize + FfmpegBuffers.Padding];

        encoder.Encode(picture, v210);

        BytesAssert.Equal(expected, v210.AsSpan(0, encoder.FrameSize));
    }

    [Fact]
    public void ReadsTightlyPackedPlanesAtAnyAddress()
    {
        const int width = 62, height = 5;
        using var folder = new TempDirectory();
        string input = Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le");
        byte[] expected = Ffmpeg.EncodeRaw(input, width, height, "v210", folder.File("cli.v210"));
        // Planes straight out of the raw file: strides of one line (124 and 62 bytes), Y one sample off
        // the array's alignment, and nothing after the last line but FFmpeg's padding.
        ushort[] raw = MemoryMarshal.Cast<byte, ushort>(File.ReadAllBytes(input)).ToArray();
        const int padding = FfmpegBuffers.Padding / 2;
        ushort[] y = [0, .. raw[..(width * height)], .. new ushort[padding]];
        ushort[] cb = [.. raw[(width * height)..(width * height * 3 / 2)], .. new ushort[padding]];
        ushort[] cr = [.. raw[(width * height * 3 / 2)..], .. new ushort[padding]];
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, width, height);
        var v210 = new byte[encoder.FrameSize];

        encoder.Encode(y.AsSpan(1), width, cb, width / 2, cr, width / 2, v210);

        BytesAssert.Equal(expected, v210);
    }

    [Fact]
    public void WritesStraightIntoABufferWithRoomForPaddingAndCopiesIntoOneWithout()
    {
        const int width = 62, height = 5;
        using var folder = new TempDirectory();
        using var picture = TestPicture.Yuv422P10(width, height)
            .Load(File.ReadAllBytes(Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le")));
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, width, height);
        byte[] roomy = Filled(encoder.FrameSize + FfmpegBuffers.Padding + 16, 0xAA);
        byte[] tight = Filled(encoder.FrameSize + 10, 0xAA);

        encoder.Encode(picture, roomy);
        encoder.Encode(picture, tight);

        BytesAssert.Equal(roomy.AsSpan(0, encoder.FrameSize), tight.AsSpan(0, encoder.FrameSize));
        // FFmpeg zeroes the padding after a packet it writes, so zeros there show it wrote the caller's buffer.
        Assert.All(roomy[encoder.FrameSize..^16], b => Assert.Equal(0, b));
        Assert.All(roomy[^16..], b => Assert.Equal(0xAA, b));
        Assert.All(tight[encoder.FrameSize..], b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void RejectsAnOddWidth()
    {
        var e = Assert.Throws<PlayoutAvException>(() => new FfmpegPackedEncoder(FfmpegPackedCodec.V210, 63, 4));

        Assert.Equal(-10003, e.ErrorCode);
        Assert.Equal("PlayoutAv_PackedEncoderOpen", e.Function);
        Assert.Contains("63x4", e.Message);
        Assert.Contains("width must be even", e.Message);
    }

    [Fact]
    public void RejectsAnOutputBufferSmallerThanAFrame()
    {
        using var picture = TestPicture.Yuv422P10(8, 4);
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, 8, 4);

        var e = Assert.Throws<PlayoutAvException>(() => encoder.Encode(picture, new byte[encoder.FrameSize - 1]));

        Assert.Equal(-10008, e.ErrorCode);
        Assert.Equal("PlayoutAv_PackedEncode", e.Function);
        Assert.Contains("packed buffer is too small", e.Message);
        Assert.Contains($"V210 buffer of {encoder.FrameSize - 1} bytes for a {encoder.FrameSize}-byte frame", e.Message);
    }

    [Fact]
    public void RejectsAPlaneWithoutRoomForPadding()
    {
        const int width = 8, height = 4;
        using var picture = TestPicture.Yuv422P10(width, height);
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, width, height);
        int tightSamples = (height - 1) * picture.SampleStride(0) + width;

        var e = Assert.Throws<PlayoutAvException>(() => encoder.Encode(
            picture.Samples(0)[..tightSamples], picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2), new byte[encoder.FrameSize]));

        Assert.Equal(-10007, e.ErrorCode);
        Assert.Contains("plane buffer is too small", e.Message);
    }

    [Fact]
    public void RejectsAStrideShorterThanALine()
    {
        using var picture = TestPicture.Yuv422P10(62, 4);
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, 62, 4);

        var e = Assert.Throws<PlayoutAvException>(() => encoder.Encode(
            picture.Samples(0), 61, picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2), new byte[encoder.FrameSize]));

        Assert.Equal(-10006, e.ErrorCode);
        Assert.Contains("stride is shorter than one line", e.Message);
    }

    [Fact]
    public void CannotEncodeOnceDisposed()
    {
        using var picture = TestPicture.Yuv422P10(8, 4);
        var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, 8, 4);
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(picture, new byte[encoder.FrameSize]));
    }

    /// <summary>Any 10-bit value, the ones v210 clips to 4..1019 included.</summary>
    private static byte[] RandomYuv422P10(int width, int height)
    {
        var random = new Random(width * 1000 + height);
        var raw = new byte[width * height * 2 * 2];
        for (int i = 0; i < raw.Length; i += 2)
            BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(i), (ushort)random.Next(1024));
        return raw;
    }

    private static byte[] Filled(int length, byte value)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return bytes;
    }
}
