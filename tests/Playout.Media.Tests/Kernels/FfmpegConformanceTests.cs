using System.Runtime.InteropServices;
using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.TestSupport;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// Our v210 and ST 2110 pgroups against FFmpeg's own v210 encoder/decoder and bitpacked encoder, run
/// through the ffmpeg command line on inputs it generates (testsrc2) and on random samples that include
/// the out-of-range codes 0–3 and 1020–1023 (which FFmpeg's v210 encoder clamps).
/// </summary>
public class FfmpegConformanceTests
{
    private const int Height = 4;

    /// <summary>Every even width 2…98 (each partial-group and lane remainder) plus 1920 and 7680.</summary>
    public static IEnumerable<object[]> Widths() => KernelInputs.Widths();

    [Theory]
    [MemberData(nameof(Widths))]
    public void V210_pack_is_byte_identical_to_ffmpeg_encoder(int width)
    {
        using var temp = new TempDirectory();
        foreach (var (name, input) in Inputs(temp, width))
        {
            var expected = Ffmpeg.EncodeRaw(input, width, Height, "v210", temp.File(name + ".v210"));
            Assert.Equal(expected, Convert(File.ReadAllBytes(input), PixelFormat.Yuv422P10, PixelFormat.V210, width));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void V210_unpack_equals_ffmpeg_decoder_on_arbitrary_words(int width)
    {
        using var temp = new TempDirectory();
        var v210 = KernelInputs.Bytes(PixelFormat.V210.Layout(width, Height).TotalBytes, width);
        File.WriteAllBytes(temp.File("in.v210"), v210);
        var expected = Ffmpeg.DecodeV210(temp.File("in.v210"), width, Height, temp.File("out.yuv"));
        Assert.Equal(expected, Convert(v210, PixelFormat.V210, PixelFormat.Yuv422P10, width));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void St2110_pack_is_byte_identical_to_ffmpeg_bitpacked_and_unpacks_back(int width)
    {
        using var temp = new TempDirectory();
        foreach (var (name, input) in Inputs(temp, width))
        {
            var planar = File.ReadAllBytes(input);
            var expected = Ffmpeg.EncodeRaw(input, width, Height, "bitpacked", temp.File(name + ".bp"));
            Assert.Equal(expected, Convert(planar, PixelFormat.Yuv422P10, PixelFormat.St2110Yuv422P10, width));
            Assert.Equal(planar, Convert(expected, PixelFormat.St2110Yuv422P10, PixelFormat.Yuv422P10, width));
        }
    }

    /// <summary>FFmpeg's testsrc2 picture, and random 10-bit samples with edge codes written by us.</summary>
    private static IEnumerable<(string Name, string Path)> Inputs(TempDirectory temp, int width)
    {
        var pattern = temp.File("testsrc2.yuv");
        Ffmpeg.Generate($"testsrc2=size={width}x{Height}:rate=1", "yuv422p10le", pattern);
        yield return ("testsrc2", pattern);
        var random = temp.File("random.yuv");
        var samples = KernelInputs.Samples(PixelFormat.Yuv422P10.Layout(width, Height).TotalBytes / 2, width * 3);
        File.WriteAllBytes(random, MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
        yield return ("random", random);
    }

    private static byte[] Convert(byte[] source, PixelFormat from, PixelFormat to, int width)
    {
        var converter = new FrameConverter(from, to, width, Height);
        var result = new byte[converter.Target.TotalBytes];
        converter.Convert(source, result);
        return result;
    }
}
