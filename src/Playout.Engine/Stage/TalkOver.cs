using Playout.Media.Formats;

namespace Playout.Engine.Stage;

/// <summary>
/// One talk-over rule at work, tick by tick (<see cref="TalkOverSettings"/>): the key's level this tick (its loudest
/// channel's RMS: a level, as a voice is heard, not one sample's peak) decides whether it talks; the ducking gain moves in dB, linearly, toward its depth at the attack's rate and back at the release's, and
/// the ducked layers' sound is ramped across each tick from the gain before to the gain after, so it never steps.
/// Tick thread only.
/// </summary>
internal sealed class TalkOver(TalkOverSettings settings, VideoFormat format)
{
    private readonly double _attackStep = Step(settings.DepthDb, settings.Attack, format);
    private readonly double _releaseStep = Step(settings.DepthDb, settings.Release, format);
    private readonly long _holdTicks = format.FrameIndexAt(settings.Hold);

    /// <summary>The most channels a layer's sound has (the programme's sixteen, with room).</summary>
    private const int MaxChannels = 64;
    private double _gainDb;
    private long _quietTicks = long.MaxValue;

    /// <summary>
    /// Ducks <paramref name="outputs"/> (this tick's, of the stage's layers in <paramref name="numbers"/> order) by the rule:
    /// reads the key layer's level, advances the gain a tick, and scales the ducked layers' sound across the tick.
    /// </summary>
    public void Apply(IList<int> numbers, Span<LayerOutput> outputs)
    {
        int key = numbers.IndexOf(settings.Key);
        bool talking = key >= 0 && LevelDb(outputs[key]) > settings.ThresholdDb;
        _quietTicks = talking ? 0 : _quietTicks == long.MaxValue ? long.MaxValue : _quietTicks + 1;
        double target = _quietTicks <= _holdTicks ? settings.DepthDb : 0, before = _gainDb;
        _gainDb = target < _gainDb ? Math.Max(target, _gainDb - _attackStep) : Math.Min(target, _gainDb + _releaseStep);
        if (before == 0 && _gainDb == 0)
            return;
        float start = (float)Math.Pow(10, before / 20), end = (float)Math.Pow(10, _gainDb / 20);
        for (int i = 0; i < outputs.Length; i++)
        {
            if (!settings.Ducked.Contains(numbers[i]))
                continue;
            ref var output = ref outputs[i];
            output = output with { Audio = Scaled(output.Audio, start, end), SecondAudio = Scaled(output.SecondAudio, start, end) };
        }
    }

    /// <summary>
    /// A layer's level this tick, at the gain it plays at, in dBFS (-infinity when silent): the RMS of its loudest channel
    /// (a microphone is one channel of sixteen), over the tick's samples.
    /// </summary>
    private static double LevelDb(in LayerOutput output)
    {
        double level = 0;
        Span<double> channelSums = stackalloc double[MaxChannels];
        foreach (var part in (ReadOnlySpan<AudioPart>)[output.Audio, output.SecondAudio])
        {
            if (part.Frame is not { } frame || frame.Channels is 0 or > MaxChannels)
                continue;
            var samples = frame.Samples;
            int channels = frame.Channels, frames = samples.Length / channels;
            if (frames == 0)
                continue;
            var sums = channelSums[..channels];
            sums.Clear();
            for (int at = 0; at + channels <= samples.Length; at += channels)
                for (int c = 0; c < channels; c++)
                    sums[c] += (double)samples[at + c] * samples[at + c];
            double loudest = 0;
            foreach (double sum in sums)
                loudest = Math.Max(loudest, sum);
            level = Math.Max(level, Math.Sqrt(loudest / frames) * Math.Max(part.GainStart, part.GainEnd));
        }
        return 20 * Math.Log10(level);
    }

    private static AudioPart Scaled(AudioPart part, float start, float end) =>
        part with { GainStart = part.GainStart * start, GainEnd = part.GainEnd * end };

    /// <summary>dB a tick to cover <paramref name="depthDb"/> in <paramref name="time"/> (the whole depth at once for no time).</summary>
    private static double Step(double depthDb, TimeSpan time, VideoFormat format) =>
        Math.Abs(depthDb) / Math.Max(1, time.TotalSeconds * format.FrameRate.ToDouble());
}
