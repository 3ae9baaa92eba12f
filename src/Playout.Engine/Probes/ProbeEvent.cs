namespace Playout.Engine.Probes;

/// <summary>
/// A black, freeze or silence episode on the programme. It is published twice: when it has lasted the configured time
/// (open: <see cref="EndTick"/> null) and when it ends. The start is the first frame of the run (for silence, the first
/// quiet sample), as FFmpeg's detectors report it, not the frame at which the duration was reached; the end is the
/// first frame (sample) that no longer qualifies.
/// </summary>
public sealed record ProbeEvent(ProbeKind Kind, long StartTick, DateTimeOffset StartTime, long? EndTick, DateTimeOffset? EndTime)
{
    public bool IsOpen => EndTick is null;
}
