namespace Playout.Engine.Probes;

/// <summary>Where a probe episode starts or ends: a tick, and for sound the sample within that tick's audio (0 for pictures).</summary>
public readonly record struct ProbeEdge(long Tick, int Sample = 0);
