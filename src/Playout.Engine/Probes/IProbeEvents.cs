namespace Playout.Engine.Probes;

/// <summary>Where a detector reports its episodes: opened once it has lasted long enough, then closed.</summary>
public interface IProbeEvents
{
    void Opened(ProbeKind kind, ProbeEdge start);

    void Closed(ProbeKind kind, ProbeEdge end);
}
