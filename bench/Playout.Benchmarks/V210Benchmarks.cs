using BenchmarkDotNet.Attributes;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>v210 unpack and pack of whole frames: ours, the floor, FFmpeg's v210 decoder and encoder.</summary>
[BenchmarkCategory("v210")]
public class V210Benchmarks
{
    private NativeBuffer _v210 = null!, _planar = null!, _y = null!, _cb = null!, _cr = null!;
    private FrameConverter _unpack = null!, _pack = null!;
    private FfmpegPackedDecoder _decoder = null!;
    private FfmpegPackedEncoder _encoder = null!;
    private Floor _unpackFloor = null!, _packFloor = null!;
    private int _width;

    [Params(Picture.Hd, Picture.Uhd4K, Picture.Uhd8K)]
    public string Size { get; set; } = Picture.Hd;

    [GlobalSetup]
    public void Setup()
    {
        var (width, height) = Picture.Size(Size);
        _width = width;
        var v210 = PixelFormat.V210.Layout(width, height, 64);
        var planar = PixelFormat.Yuv422P10.Layout(width, height, 64);
        _v210 = new NativeBuffer(v210.TotalBytes);
        _planar = new NativeBuffer(planar.TotalBytes);
        _planar.RandomizeSamples(2);
        _unpack = new FrameConverter(v210, planar);
        _pack = new FrameConverter(planar, v210);
        _pack.Convert(_planar.Span, _v210.Span);
        _y = new NativeBuffer(width * height * 2);
        _cb = new NativeBuffer(width * height);
        _cr = new NativeBuffer(width * height);
        _decoder = new FfmpegPackedDecoder(FfmpegPackedCodec.V210, width, height);
        _encoder = new FfmpegPackedEncoder(FfmpegPackedCodec.V210, width, height);
        _unpackFloor = new Floor(v210.TotalBytes, planar.TotalBytes);
        _packFloor = new Floor(planar.TotalBytes, v210.TotalBytes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in new IDisposable[] { _v210, _planar, _y, _cb, _cr, _decoder, _encoder, _unpackFloor, _packFloor })
            d.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("unpack")]
    public void UnpackFloor() => _unpackFloor.Copy();

    [Benchmark, BenchmarkCategory("unpack")]
    public void UnpackOurs() => _unpack.Convert(_v210.Span, _planar.Span);

    [Benchmark, BenchmarkCategory("unpack")]
    public void UnpackFfmpeg() =>
        _decoder.Decode(_v210.Padded, _y.PaddedSamples, _width, _cb.PaddedSamples, _width / 2, _cr.PaddedSamples, _width / 2);

    [Benchmark(Baseline = true), BenchmarkCategory("pack")]
    public void PackFloor() => _packFloor.Copy();

    [Benchmark, BenchmarkCategory("pack")]
    public void PackOurs() => _pack.Convert(_planar.Span, _v210.Span);

    [Benchmark, BenchmarkCategory("pack")]
    public void PackFfmpeg() =>
        _encoder.Encode(_y.PaddedSamples, _width, _cb.PaddedSamples, _width / 2, _cr.PaddedSamples, _width / 2, _v210.Padded);
}
