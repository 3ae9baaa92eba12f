using Playout.Media.Audio;
using Playout.Media.Formats;

namespace Playout.Engine.Probes;

/// <summary>
/// FFmpeg's silencedetect (all channels together, its default) on the programme's sound: a sample frame is quiet when
/// every channel's sample lies strictly between −level and +level. An episode starts at the first quiet sample frame,
/// is reported once the quiet has lasted the set time, and ends at the first sample frame that is not quiet.
/// </summary>
public sealed class SilenceDetector
{
    private readonly float _level;
    private readonly long _needed;
    private ProbeEdge _start;
    private long _quiet;
    private bool _open;

    public SilenceDetector(ProbeSettings settings)
    {
        _level = (float)ProbeSettings.Amplitude(settings.Silence.NoiseDecibels);
        _needed = Math.Max(1, (long)Math.Round(settings.Silence.Seconds * VideoFormat.AudioSampleRate));
    }

    public void Process(long tick, AudioFrame audio, IProbeEvents events)
    {
        var samples = audio.Samples;
        int channels = audio.Channels, frames = audio.SampleCount;
        for (int at = 0; at < frames;)
        {
            int found = LoudSamples.First(samples[(at * channels)..], _level);
            int loud = found < 0 ? frames : at + found / channels;
            Quiet(tick, at, loud - at, events);
            if (loud == frames)
                return;
            Loud(tick, loud, events);
            // Quiet stretches between loud samples of one frame are shorter than an episode can be: skip to the last loud one.
            if (_needed > frames)
                loud += LoudSamples.Last(samples[(loud * channels)..], _level) / channels;
            at = loud + 1;
        }
    }

    private void Quiet(long tick, int from, int count, IProbeEvents events)
    {
        if (count == 0)
            return;
        if (_quiet == 0)
            _start = new ProbeEdge(tick, from);
        _quiet += count;
        if (!_open && _quiet >= _needed)
        {
            _open = true;
            events.Opened(ProbeKind.Silence, _start);
        }
    }

    private void Loud(long tick, int at, IProbeEvents events)
    {
        if (_open)
            events.Closed(ProbeKind.Silence, new ProbeEdge(tick, at));
        _open = false;
        _quiet = 0;
    }
}
