using BenchmarkDotNet.Attributes;
using Playout.Engine.Probes;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Benchmarks;

/// <summary>
/// The programme probes' cost per frame: black, freeze and silence together with the default settings (and so the
/// default subsampling), on two alternating random pictures (neither black nor frozen) and quiet sound (the silence
/// search reads every sample), as the probe thread runs them.
/// </summary>
[BenchmarkCategory("probes")]
public class ProbeBenchmarks
{
    private FramePool _pool = null!;
    private AudioPool _audio = null!;
    private Frame[] _pictures = [];
    private AudioFrame _sound = null!;
    private BlackDetector _black = null!;
    private FreezeDetector _freeze = null!;
    private SilenceDetector _silence = null!;
    private readonly Sink _sink = new();
    private long _tick;

    [Params(Picture.Hd, Picture.Uhd8K)]
    public string Size { get; set; } = Picture.Hd;

    [GlobalSetup]
    public void Setup()
    {
        var format = VideoFormats.Parse(Size + "50");
        _pool = new FramePool(PixelFormat.V210, format.Width, format.Height, 2);
        var random = new Random(1);
        _pictures = [_pool.Rent(), _pool.Rent()];
        foreach (var picture in _pictures)
        {
            random.NextBytes(picture.WritablePlane(0));
            picture.Commit();
        }
        _audio = new AudioPool(AudioPool.ProgrammeChannels, format.AudioCadence.Max(), 1);
        _sound = _audio.Rent();
        _sound.Write(format.AudioSamplesForFrame(0)).Fill(0.0005f);
        _sound.Commit();
        var settings = new ProbeSettings();
        _black = new BlackDetector(format, settings);
        _freeze = new FreezeDetector(format, settings);
        _silence = new SilenceDetector(settings);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var picture in _pictures)
            picture.Release();
        _sound.Release();
        _pool.Dispose();
    }

    [Benchmark]
    public void BlackFreezeSilence()
    {
        long tick = _tick++;
        var picture = _pictures[tick & 1];
        _black.Process(tick, picture, _sink);
        _freeze.Process(tick, picture, _sink);
        _silence.Process(tick, _sound, _sink);
    }

    private sealed class Sink : IProbeEvents
    {
        public void Opened(ProbeKind kind, ProbeEdge start)
        {
        }

        public void Closed(ProbeKind kind, ProbeEdge end)
        {
        }
    }
}
