using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Probes;

/// <summary>
/// FFmpeg's freezedetect on the programme's sampled luma: each picture is compared with a reference, the first picture
/// of the current run; it is frozen when the mean absolute difference over full scale (1024) is at or below the noise
/// level. A picture that is not frozen becomes the new reference, so a run starts at the picture the others repeat and
/// ends at the first that differs from it. The reference is the detector's own copy of the sampled luma (never a pool
/// frame): two buffers, the picture's luma written to one while it is compared with the other, swapped when it moves.
/// </summary>
public sealed class FreezeDetector
{
    private readonly VideoFormat _format;
    private readonly int _lineStep;
    private readonly int _groupStep;
    private readonly int _lineWords;
    private readonly long _samples;
    private readonly double _noise;
    private readonly EpisodeRun _run;
    private uint[] _reference;
    private uint[] _current;
    private long? _referenceTick;

    public FreezeDetector(VideoFormat format, ProbeSettings settings)
    {
        _format = format;
        _lineStep = settings.LineStepFor(format);
        _groupStep = settings.GroupStepFor(format);
        int groups = LumaProbe.SampledGroups(format.Width, _groupStep), lines = (format.Height + _lineStep - 1) / _lineStep;
        _lineWords = groups * LumaProbe.WordsPerGroup;
        _samples = (long)lines * groups * LumaProbe.LumaPerGroup;
        _reference = new uint[lines * _lineWords];
        _current = new uint[_reference.Length];
        _noise = ProbeSettings.Amplitude(settings.Freeze.NoiseDecibels);
        _run = new EpisodeRun(ProbeKind.Freeze, ProbeSettings.Frames(format, settings.Freeze.Seconds));
    }

    /// <summary>The mean absolute luma difference of the picture from the reference, over full scale; the picture's luma is kept aside.</summary>
    private double Difference(Frame video)
    {
        long sum = 0;
        for (int line = 0, row = 0; line < _format.Height; line += _lineStep, row++)
            sum += LumaProbe.Difference(video.Line(0, line), _format.Width, _groupStep,
                _reference.AsSpan(row * _lineWords, _lineWords), _current.AsSpan(row * _lineWords, _lineWords));
        return (double)sum / _samples / 1024;
    }

    public void Process(long tick, Frame video, IProbeEvents events)
    {
        double difference = Difference(video);
        if (_referenceTick is { } reference && difference <= _noise)
        {
            _run.Continue(tick, reference, events);
            return;
        }
        _run.Break(tick, events);
        (_reference, _current) = (_current, _reference);
        _referenceTick = tick;
    }
}
