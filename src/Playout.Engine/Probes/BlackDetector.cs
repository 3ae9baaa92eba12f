using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Probes;

/// <summary>
/// FFmpeg's blackdetect on the programme: a pixel is black when its luma is at or below
/// <c>(int)(64 + pixelThreshold · 876)</c> (FFmpeg's <c>16·4 + pix_th·(235 − 16)·4</c> for 10-bit limited range, truncated),
/// a picture when at least <see cref="BlackProbeSettings.PictureRatio"/> of its sampled pixels are. An episode starts at
/// the first black picture and ends at the first picture that is not; it is reported once it has lasted the set time.
/// </summary>
public sealed class BlackDetector
{
    private readonly VideoFormat _format;
    private readonly int _lineStep;
    private readonly int _groupStep;
    private readonly long _samples;
    private readonly double _ratio;
    private readonly EpisodeRun _run;

    public BlackDetector(VideoFormat format, ProbeSettings settings)
    {
        _format = format;
        _lineStep = settings.LineStepFor(format);
        _groupStep = settings.GroupStepFor(format);
        Threshold = (int)(64 + settings.Black.PixelThreshold * (235 - 16) * 4);
        _samples = (long)((format.Height + _lineStep - 1) / _lineStep) * LumaProbe.SampledGroups(format.Width, _groupStep) * LumaProbe.LumaPerGroup;
        _ratio = settings.Black.PictureRatio;
        _run = new EpisodeRun(ProbeKind.Black, ProbeSettings.Frames(format, settings.Black.Seconds));
    }

    /// <summary>The 10-bit luma code at or below which a pixel is black.</summary>
    public int Threshold { get; }

    /// <summary>The fraction of the picture's sampled pixels that are black.</summary>
    public double BlackRatio(Frame video)
    {
        long black = 0;
        for (int line = 0; line < _format.Height; line += _lineStep)
            black += LumaProbe.CountAtOrBelow(video.Line(0, line), _format.Width, _groupStep, Threshold);
        return (double)black / _samples;
    }

    public void Process(long tick, Frame video, IProbeEvents events) => _run.Next(tick, BlackRatio(video) >= _ratio, events);
}
