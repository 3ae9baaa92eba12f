using Playout.Engine.Consumers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Server.Amcp;

/// <summary>
/// Each programme audio channel's sample peak of the last frame, for INFO's <c>mixer/audio/volume</c> and OSC: an output of
/// the channel that only reads the sound it is handed (on the tick, allocation-free, a few microseconds).
/// </summary>
public sealed class AmcpLevels : IConsumer
{
    private readonly float[] _peaks = new float[AudioPool.ProgrammeChannels];
    private readonly float[] _measuring = new float[AudioPool.ProgrammeChannels];
    private readonly Lock _gate = new();
    private long _sent;

    public string Name => "AMCP audio levels";

    public bool NeverBlocks => true;

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), 0);

    /// <summary>A copy of the peaks (0..1) of the last frame sent.</summary>
    public float[] Peaks()
    {
        lock (_gate)
            return [.. _peaks];
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        var samples = audio.Samples;
        int channels = Math.Min(audio.Channels, _measuring.Length);
        Array.Clear(_measuring);
        for (int i = 0; i + audio.Channels <= samples.Length; i += audio.Channels)
        {
            for (int c = 0; c < channels; c++)
                _measuring[c] = Math.Max(_measuring[c], Math.Abs(samples[i + c]));
        }
        lock (_gate)
            _measuring.CopyTo(_peaks, 0);
        Interlocked.Increment(ref _sent);
    }

    public void Dispose()
    {
    }
}
