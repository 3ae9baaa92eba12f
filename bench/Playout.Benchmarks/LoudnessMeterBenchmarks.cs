using BenchmarkDotNet.Attributes;
using Playout.Media.Audio.Loudness;
using Playout.Media.Simd;

namespace Playout.Benchmarks;

/// <summary>
/// The EBU R128 meter's cost per video frame of programme sound (16 channels, 48 kHz): every stereo pair metered
/// (8 meters, as per-output monitoring does) and the programme's first pair alone, at 50 fps (960 samples a frame)
/// and 59.94 (800.8: 801, 801, 800, 801, 801), the true-peak filter scalar and 128 bits wide. One operation is five
/// video frames; the time reported is per frame.
/// </summary>
[BenchmarkCategory("loudness")]
public class LoudnessMeterBenchmarks
{
    private const int FramesPerOperation = 5;
    private float[] _sound = [];
    private int[] _frameSamples = [];
    private LoudnessMeter[] _pairs = [], _first = [];

    [Params("50", "59.94")]
    public string Rate { get; set; } = "50";

    [Params(SimdPath.Scalar, SimdPath.Auto)]
    public SimdPath Path { get; set; } = SimdPath.Auto;

    [GlobalSetup]
    public void Setup()
    {
        _frameSamples = Rate == "50" ? [960, 960, 960, 960, 960] : [801, 801, 800, 801, 801];
        // Programme-like sound: a tone and noise on every channel, different per channel.
        var random = new Random(1);
        _sound = new float[16 * _frameSamples.Sum()];
        for (int i = 0; i < _sound.Length; i++)
            _sound[i] = 0.3f * MathF.Sin(i * 0.0131f * (1 + i % 16)) + 0.1f * (random.NextSingle() - 0.5f);
        _pairs = [.. Enumerable.Range(0, 8).Select(pair => new LoudnessMeter(ChannelLayout.Pair(pair), Path))];
        _first = [new LoudnessMeter(ChannelLayout.Pair(0), Path)];
    }

    [Benchmark(OperationsPerInvoke = FramesPerOperation)]
    public double EveryPair() => Meter(_pairs);

    [Benchmark(OperationsPerInvoke = FramesPerOperation)]
    public double FirstPair() => Meter(_first);

    /// <summary>Five video frames of sound through the meters, each read after every frame as a live meter is.</summary>
    private double Meter(LoudnessMeter[] meters)
    {
        double sum = 0;
        int at = 0;
        foreach (int samples in _frameSamples)
        {
            var frame = _sound.AsSpan(at, samples * 16);
            foreach (var meter in meters)
            {
                meter.Add(frame);
                sum += meter.Reading.Momentary;
            }
            at += samples * 16;
        }
        return sum;
    }
}
