using Playout.Media.Formats;

namespace Playout.Engine.Stage;

/// <summary>
/// One talk-over rule at work, tick by tick (<see cref="TalkOverSettings"/>): the key's peak this tick decides whether it
/// talks; the ducking gain moves in dB, linearly, toward its depth at the attack's rate and back at the release's, and
/// the ducked layers' sound is ramped across each tick from the gain before to the gain after, so it never steps.
/// Tick thread only.
/// </summary>
internal sealed class TalkOver(TalkOverSettings settings, VideoFormat format)
{
    private readonly double _attackStep = Step(settings.DepthDb, settings.Attack, format);
    private readonly double _releaseStep = Step(settings.DepthDb, settings.Release, format);
    private readonly long _holdTicks = format.FrameIndexAt(settings.Hold);
    private double _gainDb;
    private long _quietTicks = long.MaxValue;

    /// <summary>
    /// Ducks <paramref name="outputs"/> (this tick's, of the stage's layers in <paramref name="numbers"/> order) by the rule:
    /// reads the key layer's peak, advances the gain a tick, and scales the ducked layers' sound across the tick.
    /// </summary>
    public void Apply(IList<int> numbers, Span<LayerOutput> outputs)
    {
        int key = numbers.IndexOf(settings.Key);
        bool talking = key >= 0 && PeakDb(outputs[key]) > settings.ThresholdDb;
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

    /// <summary>The highest sample of a layer's sound this tick, at the gain it plays at, in dBFS (-infinity when silent).</summary>
    private static double PeakDb(in LayerOutput output)
    {
        double peak = 0;
        foreach (var part in (ReadOnlySpan<AudioPart>)[output.Audio, output.SecondAudio])
        {
            if (part.Frame is not { } frame)
                continue;
            float highest = 0;
            foreach (float sample in frame.Samples)
                highest = Math.Max(highest, Math.Abs(sample));
            peak = Math.Max(peak, highest * Math.Max(part.GainStart, part.GainEnd));
        }
        return 20 * Math.Log10(peak);
    }

    private static AudioPart Scaled(AudioPart part, float start, float end) =>
        part with { GainStart = part.GainStart * start, GainEnd = part.GainEnd * end };

    /// <summary>dB a tick to cover <paramref name="depthDb"/> in <paramref name="time"/> (the whole depth at once for no time).</summary>
    private static double Step(double depthDb, TimeSpan time, VideoFormat format) =>
        Math.Abs(depthDb) / Math.Max(1, time.TotalSeconds * format.FrameRate.ToDouble());
}
