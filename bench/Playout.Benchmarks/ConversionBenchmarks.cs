using BenchmarkDotNet.Attributes;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// uyvy422, BGRA and ST 2110 pgroups to and from 10-bit planar: ours, the floor, and FFmpeg where it has the conversion (swscale; its
/// bitpacked codec for pgroups). Premultiplied BGRA twice: random bytes ("bgra-noise", every step on the general path: the worst
/// case) and a lower third (<see cref="LowerThirdGraphic"/>, "bgra-graphics": mostly transparent, as graphics are); straight
/// BGRA from random bytes ("bgra-straight-noise"). Both alphas convert the same way (premultiplied colour is a shaped fill),
/// so the two noise rows measure one kernel twice.
/// </summary>
[BenchmarkCategory("convert")]
public class ConversionBenchmarks
{
    private readonly Dictionary<string, (NativeBuffer Source, NativeBuffer Target, FrameConverter Ours, Floor Floor)> _cases = [];
    private FfmpegScaler _uyvyScaler = null!, _bgraScaler = null!;
    private FfmpegPackedEncoder _pgroupEncoder = null!;
    private FfmpegPackedDecoder _pgroupDecoder = null!;
    private NativeBuffer _y = null!, _cb = null!, _cr = null!;
    private int _width, _height;

    [Params(Picture.Hd, Picture.Uhd4K, Picture.Uhd8K)]
    public string Size { get; set; } = Picture.Hd;

    [GlobalSetup]
    public void Setup()
    {
        (_width, _height) = Picture.Size(Size);
        Add("uyvy-unpack", PixelFormat.Uyvy422, PixelFormat.Yuv422P10);
        Add("uyvy-pack", PixelFormat.Yuv422P10, PixelFormat.Uyvy422);
        Add("bgra-noise", PixelFormat.BgraPremultiplied, PixelFormat.Yuv422P10);
        Add("bgra-graphics", PixelFormat.BgraPremultiplied, PixelFormat.Yuv422P10);
        Add("bgra-straight-noise", PixelFormat.Bgra, PixelFormat.Yuv422P10);
        var bgra = PixelFormat.BgraPremultiplied.Layout(_width, _height, 64).Planes[0];
        LowerThirdGraphic.Draw(_cases["bgra-graphics"].Source.Span[bgra.Offset..], _width, _height, bgra.Stride);
        Add("st2110-unpack", PixelFormat.St2110Yuv422P10, PixelFormat.Yuv422P10);
        Add("st2110-pack", PixelFormat.Yuv422P10, PixelFormat.St2110Yuv422P10);
        _y = new NativeBuffer(_width * _height * 2);
        _cb = new NativeBuffer(_width * _height);
        _cr = new NativeBuffer(_width * _height);
        _uyvyScaler = new FfmpegScaler(_width, _height, "uyvy422", _width, _height, "yuv422p10le", FfmpegScalerFlags.Point);
        _bgraScaler = new FfmpegScaler(_width, _height, "bgra", _width, _height, "yuv422p10le", FfmpegScalerFlags.Point);
        _pgroupEncoder = new FfmpegPackedEncoder(FfmpegPackedCodec.Bitpacked, _width, _height);
        _pgroupDecoder = new FfmpegPackedDecoder(FfmpegPackedCodec.Bitpacked, _width, _height);
    }

    private void Add(string name, PixelFormat from, PixelFormat to)
    {
        FrameLayout source = from.Layout(_width, _height, 64), target = to.Layout(_width, _height, 64);
        var input = new NativeBuffer(source.TotalBytes);
        if (from == PixelFormat.Yuv422P10)
            input.RandomizeSamples(5);
        else
            input.Randomize(5);
        _cases[name] = (input, new NativeBuffer(target.TotalBytes), new FrameConverter(source, target), new Floor(source.TotalBytes, target.TotalBytes));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (source, target, _, floor) in _cases.Values)
        {
            source.Dispose();
            target.Dispose();
            floor.Dispose();
        }
        foreach (var d in new IDisposable[] { _uyvyScaler, _bgraScaler, _pgroupEncoder, _pgroupDecoder, _y, _cb, _cr })
            d.Dispose();
    }

    private void Ours(string name)
    {
        var c = _cases[name];
        c.Ours.Convert(c.Source.Span, c.Target.Span);
    }

    private ImagePlanes Planar => new(_y.Padded, _width * 2, _cb.Padded, _width, _cr.Padded, _width);

    [Benchmark(Baseline = true), BenchmarkCategory("uyvy-unpack")]
    public void UyvyUnpackFloor() => _cases["uyvy-unpack"].Floor.Copy();

    [Benchmark, BenchmarkCategory("uyvy-unpack")]
    public void UyvyUnpackOurs() => Ours("uyvy-unpack");

    [Benchmark, BenchmarkCategory("uyvy-unpack")]
    public void UyvyUnpackSwscale() =>
        _uyvyScaler.Scale(new ReadOnlyImagePlanes(_cases["uyvy-unpack"].Source.Padded, _width * 2), Planar);

    [Benchmark(Baseline = true), BenchmarkCategory("uyvy-pack")]
    public void UyvyPackFloor() => _cases["uyvy-pack"].Floor.Copy();

    [Benchmark, BenchmarkCategory("uyvy-pack")]
    public void UyvyPackOurs() => Ours("uyvy-pack");

    [Benchmark(Baseline = true), BenchmarkCategory("bgra-noise")]
    public void BgraNoiseFloor() => _cases["bgra-noise"].Floor.Copy();

    [Benchmark, BenchmarkCategory("bgra-noise")]
    public void BgraNoiseOurs() => Ours("bgra-noise");

    [Benchmark, BenchmarkCategory("bgra-noise")]
    public void BgraNoiseSwscale() =>
        _bgraScaler.Scale(new ReadOnlyImagePlanes(_cases["bgra-noise"].Source.Padded, _width * 4), Planar);

    [Benchmark(Baseline = true), BenchmarkCategory("bgra-graphics")]
    public void BgraGraphicsFloor() => _cases["bgra-graphics"].Floor.Copy();

    [Benchmark, BenchmarkCategory("bgra-graphics")]
    public void BgraGraphicsOurs() => Ours("bgra-graphics");

    [Benchmark(Baseline = true), BenchmarkCategory("bgra-straight-noise")]
    public void BgraStraightNoiseFloor() => _cases["bgra-straight-noise"].Floor.Copy();

    [Benchmark, BenchmarkCategory("bgra-straight-noise")]
    public void BgraStraightNoiseOurs() => Ours("bgra-straight-noise");

    [Benchmark(Baseline = true), BenchmarkCategory("st2110-unpack")]
    public void St2110UnpackFloor() => _cases["st2110-unpack"].Floor.Copy();

    [Benchmark, BenchmarkCategory("st2110-unpack")]
    public void St2110UnpackOurs() => Ours("st2110-unpack");

    /// <summary>FFmpeg 5.1's bitpacked decoder has no DR1, so this includes copying its frame into the planes.</summary>
    [Benchmark, BenchmarkCategory("st2110-unpack")]
    public void St2110UnpackFfmpeg() =>
        _pgroupDecoder.Decode(_cases["st2110-unpack"].Source.Padded, _y.PaddedSamples, _width, _cb.PaddedSamples, _width / 2,
            _cr.PaddedSamples, _width / 2);

    [Benchmark(Baseline = true), BenchmarkCategory("st2110-pack")]
    public void St2110PackFloor() => _cases["st2110-pack"].Floor.Copy();

    [Benchmark, BenchmarkCategory("st2110-pack")]
    public void St2110PackOurs() => Ours("st2110-pack");

    [Benchmark, BenchmarkCategory("st2110-pack")]
    public void St2110PackFfmpeg() =>
        _pgroupEncoder.Encode(_y.PaddedSamples, _width, _cb.PaddedSamples, _width / 2, _cr.PaddedSamples, _width / 2,
            _cases["st2110-pack"].Target.Padded);
}
