using Playout.Media.Kernels;
using Playout.TestSupport;
using System.Buffers.Binary;

namespace Playout.Interop.Tests;

/// <summary>
/// FFmpeg's bitpacked encoder and decoder (ST 2110-20 pgroups) through the shim, against the ffmpeg CLI and against
/// our <see cref="St2110Pgroup"/> kernels. 1280 is the width that is not a multiple of 48 (v210's block).
/// </summary>
public sealed class FfmpegBitpackedTests
{
    [Theory]
    [InlineData(1920, 1080, "testsrc2")]
    [InlineData(1280, 720, "testsrc2")]
    [InlineData(2, 1, "testsrc2")]
    [InlineData(1920, 6, "random")]
    [InlineData(1280, 5, "random")]
    [InlineData(1280, 3, "16-bit")]
    public void EncodesExactlyLikeTheFfmpegCli(int width, int height, string source)
    {
        using var folder = new TempDirectory();
        string input = source == "testsrc2"
            ? Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le")
            : folder.Write("in.yuv", RandomYuv422P10(width, height, source == "16-bit" ? 65536 : 1024));
        byte[] expected = Ffmpeg.EncodeRaw(input, width, height, "bitpacked", folder.File("cli.bitpacked"));
        using var picture = TestPicture.Yuv422P10(width, height).Load(File.ReadAllBytes(input));
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, width, height);
        var packed = new byte[encoder.FrameSize + FfmpegBuffers.Padding];

        encoder.Encode(picture, packed);

        Assert.Equal(width * 5 / 2 * height, encoder.FrameSize);
        BytesAssert.Equal(expected, packed.AsSpan(0, encoder.FrameSize));
    }

    [Theory]
    [InlineData(1920, 1080, "testsrc2", true)]
    [InlineData(1280, 720, "testsrc2", false)]
    [InlineData(2, 1, "random", true)]
    [InlineData(1920, 6, "random", false)]
    [InlineData(1280, 5, "random", true)]
    public void DecodesExactlyLikeTheFfmpegCli(int width, int height, string source, bool paddedInput)
    {
        using var folder = new TempDirectory();
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, width, height);
        string input = source == "random"
            ? folder.Write("in.bitpacked", RandomBytes(decoder.FrameSize, seed: width + height))
            : Ffmpeg.EncodeRawFile(Ffmpeg.TestPicture(folder.File("in.yuv"), width, height, "yuv422p10le"), width, height,
                "bitpacked", folder.File("cli.bitpacked"));
        byte[] expected = Ffmpeg.DecodePacked("bitpacked", input, width, height, folder.File("cli.yuv"));
        var packed = new byte[decoder.FrameSize + (paddedInput ? FfmpegBuffers.Padding : 0)];
        File.ReadAllBytes(input).CopyTo(packed, 0);
        using var picture = TestPicture.Yuv422P10(width, height);

        decoder.Decode(packed, picture);

        BytesAssert.Equal(expected, picture.ToRaw());
    }

    [Theory]
    [InlineData(1920, 4, 1024)]
    [InlineData(1280, 4, 1024)]
    [InlineData(1280, 2, 65536)]
    public void EncodesLikeOurPgroupPack(int width, int height, int limit)
    {
        using var picture = TestPicture.Yuv422P10(width, height).Load(RandomYuv422P10(width, height, limit));
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, width, height);
        var ffmpeg = new byte[encoder.FrameSize];
        var ours = new byte[encoder.FrameSize];

        encoder.Encode(picture, ffmpeg);
        for (int line = 0; line < height; line++)
            St2110Pgroup.Pack(Line(picture, 0, line), Line(picture, 1, line), Line(picture, 2, line),
                ours.AsSpan(line * St2110Pgroup.LineBytes(width), St2110Pgroup.LineBytes(width)), width);

        Assert.Equal(St2110Pgroup.LineBytes(width), encoder.Stride);
        BytesAssert.Equal(ours, ffmpeg);
    }

    [Theory]
    [InlineData(1920, 4)]
    [InlineData(1280, 4)]
    public void DecodesLikeOurPgroupUnpack(int width, int height)
    {
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, width, height);
        byte[] packed = RandomBytes(decoder.FrameSize, seed: width);
        using var ffmpeg = TestPicture.Yuv422P10(width, height);
        using var ours = TestPicture.Yuv422P10(width, height);

        decoder.Decode(packed, ffmpeg);
        for (int line = 0; line < height; line++)
            St2110Pgroup.Unpack(packed.AsSpan(line * St2110Pgroup.LineBytes(width), St2110Pgroup.LineBytes(width)),
                Line(ours, 0, line), Line(ours, 1, line), Line(ours, 2, line), width);

        BytesAssert.Equal(ours.ToRaw(), ffmpeg.ToRaw());
    }

    [Fact]
    public void DecodesFewerThanFourLinesUnlikeV210()
    {
        const int width = 8, height = 1;
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, width, height);
        // One line of pgroups Cb Y0 Cr Y1 = 1, 2, 3, 4, then 1023s: 0x00 0x40 0x20 0x0C 0x04 and 0xFF x 5.
        byte[] packed = [0x00, 0x40, 0x20, 0x0C, 0x04, .. Enumerable.Repeat((byte)0xFF, 15)];
        using var picture = TestPicture.Yuv422P10(width, height);

        decoder.Decode(packed, picture);

        Assert.Equal([2, 4, 1023, 1023, 1023, 1023, 1023, 1023], picture.Samples(0)[..width].ToArray());
        Assert.Equal([1, 1023, 1023, 1023], picture.Samples(1)[..(width / 2)].ToArray());
        Assert.Equal([3, 1023, 1023, 1023], picture.Samples(2)[..(width / 2)].ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RejectsAnOddWidth(bool encoder)
    {
        var e = Assert.Throws<PlayoutAvException>(() => encoder
            ? new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, 1281, 720)
            : (IDisposable)new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, 1281, 720));

        Assert.Equal(-10003, e.ErrorCode);
        Assert.Equal(encoder ? "PlayoutAv_PackedEncoderOpen" : "PlayoutAv_PackedDecoderOpen", e.Function);
        Assert.Contains("Bitpacked 1281x720", e.Message);
        Assert.Contains("width must be even", e.Message);
    }

    [Fact]
    public void RejectsAPictureWhoseBitsOverflowFfmpegsCount()
    {
        // Within FFmpeg's image size check, but width x height x 20 bits passes what its bitpacked codecs can count.
        var e = Assert.Throws<PlayoutAvException>(() => new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, 10240, 10486));

        Assert.Equal(-10002, e.ErrorCode);
        Assert.Contains("10240x10486", e.Message);
    }

    [Fact]
    public void RejectsAnUnknownCodec()
    {
        var e = Assert.Throws<PlayoutAvException>(() => new FfmpegPackedDecoder((FfmpegPackedCodec)7, 8, 4));

        Assert.Equal(-10020, e.ErrorCode);
        Assert.Contains("not a packed codec", e.Message);
    }

    [Fact]
    public void RejectsBuffersSmallerThanAFrame()
    {
        using var picture = TestPicture.Yuv422P10(1280, 4);
        using var encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, 1280, 4);
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, 1280, 4);
        var small = new byte[3200 * 4 - 1];

        var encode = Assert.Throws<PlayoutAvException>(() => encoder.Encode(picture, small));
        var decode = Assert.Throws<PlayoutAvException>(() => decoder.Decode(small, picture));

        foreach (var e in new[] { encode, decode })
        {
            Assert.Equal(-10008, e.ErrorCode);
            Assert.Contains("width x 5 / 2 bytes (bitpacked)", e.Message);
            Assert.Contains("Bitpacked buffer of 12799 bytes for a 12800-byte frame", e.Message);
        }
    }

    [Fact]
    public void DecodeStillRejectsMisalignedPlanesThoughItCopiesThem()
    {
        using var decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, 8, 4);
        using var picture = TestPicture.Yuv422P10(8, 4);

        var e = Assert.Throws<PlayoutAvException>(() => decoder.Decode(new byte[decoder.FrameSize],
            picture.Samples(0)[1..], picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2)));

        Assert.Equal(-10009, e.ErrorCode);
    }

    private static Span<ushort> Line(AlignedPicture picture, int plane, int line) =>
        picture.Samples(plane).Slice(line * picture.SampleStride(plane), picture.LineBytes(plane) / 2);

    /// <summary>Samples below <paramref name="limit"/>: 1024 for any 10-bit value, 65536 for the ones both packers clamp to 1023 too.</summary>
    private static byte[] RandomYuv422P10(int width, int height, int limit)
    {
        var random = new Random(width * 1000 + height + limit);
        var raw = new byte[width * height * 2 * 2];
        for (int i = 0; i < raw.Length; i += 2)
            BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(i), (ushort)random.Next(limit));
        return raw;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
