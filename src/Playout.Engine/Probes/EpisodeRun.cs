namespace Playout.Engine.Probes;

/// <summary>
/// A run of frames that meet a condition, measured in ticks (so frames the probe dropped do not break it): it opens
/// once it spans the required frames, reporting the run's first tick as its start, and closes at the first tick that
/// fails the condition. A run of exactly the required length is reported: FFmpeg's "end − start ≥ duration".
/// </summary>
internal sealed class EpisodeRun(ProbeKind kind, long frames)
{
    private long? _start;
    private bool _open;

    public void Next(long tick, bool meets, IProbeEvents events)
    {
        if (meets)
            Continue(tick, _start ??= tick, events);
        else
            Break(tick, events);
    }

    /// <summary>The run goes on through <paramref name="tick"/>, having started at <paramref name="start"/>.</summary>
    public void Continue(long tick, long start, IProbeEvents events)
    {
        _start = start;
        if (!_open && tick - start + 1 >= frames)
        {
            _open = true;
            events.Opened(kind, new ProbeEdge(start));
        }
    }

    public void Break(long tick, IProbeEvents events)
    {
        if (_open)
            events.Closed(kind, new ProbeEdge(tick));
        _open = false;
        _start = null;
    }
}
