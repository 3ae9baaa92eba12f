using Playout.Engine.Channels;
using Playout.Engine.Stage;
using Playout.Media.Audio;

namespace Playout.Engine.Mixing;

/// <summary>
/// Sums the layers' sound into the 16-channel programme: each part through its layer's channel map, with
/// its gain ramped linearly sample by sample across the tick (volume changes and cross-fades never step,
/// so they never click). A single part at unity through the identity map goes out as it is (no copy).
/// </summary>
public sealed class AudioMixer : IDisposable
{
    private readonly AudioPool _pool;
    private readonly ChannelDegradation _degradation;
    private readonly Dictionary<int, AudioFrame> _silence = [];

    /// <param name="cadence">The sample counts ticks can have (the format's cadence); a silent frame of each is kept for when the pool runs dry.</param>
    /// <param name="degradation">Where a tick that goes out silent for want of a frame is counted and alarmed.</param>
    public AudioMixer(AudioPool pool, IEnumerable<int> cadence, ChannelDegradation degradation)
    {
        _pool = pool;
        _degradation = degradation;
        foreach (var samples in cadence.Distinct())
        {
            var silent = pool.Rent();
            silent.Write(samples);
            silent.Commit();
            _silence.Add(samples, silent);
        }
    }

    /// <summary>The programme sound for a tick of <paramref name="samples"/> sample frames (one of the cadence's counts), holding one reference for the caller.</summary>
    public AudioFrame Mix(ReadOnlySpan<LayerOutput> layers, int samples)
    {
        if (SinglePassThrough(layers, samples) is { } single)
            return single.AddRef();
        if (!_pool.TryRent(out var output))
        {
            _degradation.Report(DegradationKind.AudioSilenced, "audio pool exhausted: the programme is silent");
            return Silence(samples);
        }
        Span<float> mix = output.Write(samples);
        foreach (ref readonly var layer in layers)
        {
            Add(mix, layer.Audio, layer.ChannelMap, samples);
            Add(mix, layer.SecondAudio, layer.ChannelMap, samples);
        }
        output.Commit();
        return output;
    }

    /// <summary>A silent frame of <paramref name="samples"/> sample frames (one of the cadence's counts), holding one reference for the caller.</summary>
    public AudioFrame Silence(int samples) => _silence[samples].AddRef();

    private static AudioFrame? SinglePassThrough(ReadOnlySpan<LayerOutput> layers, int samples)
    {
        AudioFrame? found = null;
        foreach (ref readonly var layer in layers)
        {
            foreach (var part in (ReadOnlySpan<AudioPart>)[layer.Audio, layer.SecondAudio])
            {
                if (part.Frame is null || (part.GainStart == 0 && part.GainEnd == 0))
                    continue;
                if (found is not null || !part.IsUnity || part.Frame.SampleCount != samples || !IsIdentity(layer.ChannelMap)
                    || part.Frame.Channels != AudioPool.ProgrammeChannels)
                    return null;
                found = part.Frame;
            }
        }
        return found;
    }

    private static void Add(Span<float> mix, in AudioPart part, int[] map, int samples)
    {
        if (part.Frame is not { } frame || (part.GainStart == 0 && part.GainEnd == 0))
            return;
        ReadOnlySpan<float> source = frame.Samples;
        int sourceChannels = frame.Channels, outputChannels = map.Length, count = Math.Min(samples, frame.SampleCount);
        float step = (part.GainEnd - part.GainStart) / samples;
        for (int i = 0; i < count; i++)
        {
            float gain = part.GainStart + step * (i + 1);
            int from = i * sourceChannels, to = i * outputChannels;
            for (int channel = 0; channel < outputChannels; channel++)
            {
                int input = map[channel];
                if ((uint)input < (uint)sourceChannels)
                    mix[to + channel] += source[from + input] * gain;
            }
        }
    }

    public void Dispose()
    {
        foreach (var silent in _silence.Values)
            silent.Release();
        _silence.Clear();
    }

    private static bool IsIdentity(int[] map)
    {
        for (int i = 0; i < map.Length; i++)
        {
            if (map[i] != i)
                return false;
        }
        return true;
    }
}
