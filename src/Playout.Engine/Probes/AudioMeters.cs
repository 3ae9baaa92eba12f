using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Engine.Probes;

/// <summary>One programme channel pair's meters: sample peak of the last frame period and the PPM reading, dBFS (left, right).</summary>
/// <param name="Clip">A sample of the frame reached full scale (0 dBFS).</param>
public sealed record PairMeter(string Name, double[] Peak, double[] Ppm, bool Clip);

/// <summary>The peak meters as of tick <see cref="Tick"/>'s sound.</summary>
public sealed record AudioMeterStatus(long Tick, IReadOnlyList<PairMeter> Pairs);

/// <summary>
/// Peak meters on every pair of the programme's channels, on the probe thread: each frame's sample peak, and a
/// peak programme meter with IEC 60268-10 type I ballistics — a quasi-peak integrator (a 5 ms tone burst reads 2 dB
/// under its steady level) and a fall of 20 dB in 1.7 s, linear in dB. Readings are floored at <see cref="Floor"/> dBFS
/// (silence), so a page can draw them without special cases.
/// </summary>
public sealed class AudioMeters : IProgrammeProbe
{
    public const double Floor = -90, IntegrationSeconds = 0.005, FallDb = 20, FallSeconds = 1.7;

    /// <summary>The integrator's time constant: 1 − e^(−5 ms/τ) = 10^(−2/20), so a 5 ms burst reads −2 dB.</summary>
    private static readonly double TimeConstant = -IntegrationSeconds / Math.Log(1 - Math.Pow(10, -2.0 / 20));

    private readonly double _attack, _fall;
    private readonly double[] _ppm = new double[AudioPool.ProgrammeChannels];
    private readonly double[] _peak = new double[AudioPool.ProgrammeChannels];
    private readonly string[] _names = [.. Enumerable.Range(1, AudioPool.ProgrammeChannels / 2).Select(p => $"pair {p}")];
    private AudioMeterStatus? _status;

    public AudioMeters()
    {
        const double rate = VideoFormat.AudioSampleRate;
        _attack = 1 - Math.Exp(-1 / (TimeConstant * rate));
        _fall = Math.Pow(10, -FallDb / FallSeconds / 20 / rate);
    }

    public string Name => "meters";

    /// <summary>The readings of the last frame measured (null before the first).</summary>
    public AudioMeterStatus? Status => Volatile.Read(ref _status);

    /// <summary>The channel's meters, or null when it has none (no probe consumer).</summary>
    public static AudioMeters? Of(Channel channel) => ProbeConsumer.Find<AudioMeters>(channel);

    public void Process(long tick, Frame video, AudioFrame audio)
    {
        var samples = audio.Samples;
        int channels = audio.Channels;
        Array.Clear(_peak);
        for (int c = 0; c < channels && c < _ppm.Length; c++)
        {
            double ppm = _ppm[c], peak = 0;
            for (int i = c; i < samples.Length; i += channels)
            {
                double level = Math.Abs(samples[i]);
                peak = Math.Max(peak, level);
                ppm = level > ppm ? ppm + (level - ppm) * _attack : ppm * _fall;
            }
            (_ppm[c], _peak[c]) = (ppm, peak);
        }
        var pairs = new PairMeter[_names.Length];
        for (int p = 0; p < pairs.Length; p++)
            pairs[p] = new PairMeter(_names[p], [Dbfs(_peak[2 * p]), Dbfs(_peak[2 * p + 1])], [Dbfs(_ppm[2 * p]), Dbfs(_ppm[2 * p + 1])],
                _peak[2 * p] >= 1 || _peak[2 * p + 1] >= 1);
        Volatile.Write(ref _status, new AudioMeterStatus(tick, pairs));
    }

    /// <summary>A linear level in dBFS, to a tenth, floored at <see cref="Floor"/>.</summary>
    public static double Dbfs(double level) => level <= 0 ? Floor : Math.Max(Floor, Math.Round(20 * Math.Log10(level), 1));
}
