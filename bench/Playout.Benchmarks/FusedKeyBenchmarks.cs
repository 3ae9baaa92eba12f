using BenchmarkDotNet.Attributes;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// The fused unpack → key → pack line kernel over whole v210 frames: full-frame graphics with varying
/// alpha (every block blends; floor = reads of the video and the overlay — fill, alpha, block classes — plus the write), and a lower third
/// (the bottom third is graphics, the rest transparent; baseline = a plain copy of the v210 frame),
/// out of place and in place — the mixer's usual case, where transparent blocks cost nothing. The graphics are premultiplied,
/// as rendered graphics are, so the overlays are shaped and blend as <see cref="KeyedOverlay.Shaped"/> fills do.
/// </summary>
[BenchmarkCategory("fused-key")]
public class FusedKeyBenchmarks
{
    private NativeBuffer _video = null!, _output = null!;
    private KeyedOverlay _full = null!, _lowerThird = null!;
    private Floor _fullFloor = null!, _frameCopy = null!;
    private int _stride;

    [Params(Picture.Hd, Picture.Uhd8K)]
    public string Size { get; set; } = Picture.Hd;

    [GlobalSetup]
    public void Setup()
    {
        var (width, height) = Picture.Size(Size);
        var layout = PixelFormat.V210.Layout(width, height, 64);
        _stride = layout.Planes[0].Stride;
        _video = new NativeBuffer(layout.TotalBytes);
        _output = new NativeBuffer(layout.TotalBytes);
        var planar = new NativeBuffer(PixelFormat.Yuv422P10.Layout(width, height, 64).TotalBytes);
        planar.RandomizeSamples(3);
        new FrameConverter(PixelFormat.Yuv422P10.Layout(width, height, 64), layout).Convert(planar.Span, _video.Span);
        planar.Dispose();
        _full = KeyedOverlay.FromBgra(Graphics(width, height, 0), width, height, premultiplied: true, ColorMatrix.Bt709);
        _lowerThird = KeyedOverlay.FromBgra(Graphics(width, height, height * 2 / 3), width, height, premultiplied: true, ColorMatrix.Bt709);
        _fullFloor = new Floor(layout.TotalBytes + _full.MemoryBytes, layout.TotalBytes);
        _frameCopy = new Floor(layout.TotalBytes, layout.TotalBytes);
    }

    /// <summary>Premultiplied graphics from line <paramref name="top"/> down, alpha varying so blocks blend; transparent above.</summary>
    private static byte[] Graphics(int width, int height, int top)
    {
        var bgra = new byte[width * height * 4];
        var random = new Random(4);
        for (int i = top * width; i < width * height; i++)
        {
            byte alpha = (byte)(64 + random.Next(192));
            bgra[i * 4] = bgra[i * 4 + 1] = (byte)(alpha / 2);
            bgra[i * 4 + 2] = alpha;
            bgra[i * 4 + 3] = alpha;
        }
        return bgra;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in new IDisposable[] { _video, _output, _fullFloor, _frameCopy })
            d.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("full-frame")]
    public void FullFrameFloor() => _fullFloor.Copy();

    [Benchmark, BenchmarkCategory("full-frame")]
    public void FullFrameOurs() => FusedV210Keyer.KeyFrame(_video.Span, _stride, _full, _output.Span, _stride, 1.0);

    [Benchmark(Baseline = true), BenchmarkCategory("lower-third")]
    public void LowerThirdFrameCopy() => _frameCopy.Copy();

    [Benchmark, BenchmarkCategory("lower-third")]
    public void LowerThirdOurs() => FusedV210Keyer.KeyFrame(_video.Span, _stride, _lowerThird, _output.Span, _stride, 1.0);

    [Benchmark, BenchmarkCategory("lower-third")]
    public void LowerThirdInPlace() => FusedV210Keyer.KeyFrame(_video.Span, _stride, _lowerThird, _video.Span, _stride, 1.0);
}
