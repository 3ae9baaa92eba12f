using BenchmarkDotNet.Attributes;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>8K → 4K (2:1) and 8K → HD (4:1) box downscale of yuv422p10le: ours, the floor, swscale's area filter.</summary>
[BenchmarkCategory("downscale")]
public class DownscaleBenchmarks
{
    private const int Width = 7680, Height = 4320;
    private NativeBuffer _source = null!, _target = null!, _y = null!, _cb = null!, _cr = null!;
    private FrameLayout _sourceLayout = null!, _targetLayout = null!;
    private FfmpegScaler _scaler = null!;
    private Floor _floor = null!;

    [Params(2, 4)]
    public int Factor { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        _sourceLayout = PixelFormat.Yuv422P10.Layout(Width, Height, 64);
        _targetLayout = PixelFormat.Yuv422P10.Layout(Width / Factor, Height / Factor, 64);
        _source = new NativeBuffer(_sourceLayout.TotalBytes);
        _source.RandomizeSamples(6);
        _target = new NativeBuffer(_targetLayout.TotalBytes);
        int w = Width / Factor, h = Height / Factor;
        _y = new NativeBuffer(w * h * 2);
        _cb = new NativeBuffer(w * h);
        _cr = new NativeBuffer(w * h);
        _scaler = new FfmpegScaler(Width, Height, "yuv422p10le", w, h, "yuv422p10le", FfmpegScalerFlags.Area);
        _floor = new Floor(_sourceLayout.TotalBytes, _targetLayout.TotalBytes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in new IDisposable[] { _source, _target, _y, _cb, _cr, _scaler, _floor })
            d.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void DownscaleFloor() => _floor.Copy();

    [Benchmark]
    public void DownscaleOurs() => Downscaler.DownscaleFrame(_source.Span, _sourceLayout, _target.Span, _targetLayout, Factor);

    [Benchmark]
    public void DownscaleSwscale()
    {
        var planes = _sourceLayout.Planes;
        var source = _source.Padded;
        _scaler.Scale(new ReadOnlyImagePlanes(source[planes[0].Offset..], planes[0].Stride, source[planes[1].Offset..], planes[1].Stride,
            source[planes[2].Offset..], planes[2].Stride),
            new ImagePlanes(_y.Padded, Width / Factor * 2, _cb.Padded, Width / Factor, _cr.Padded, Width / Factor));
    }
}
