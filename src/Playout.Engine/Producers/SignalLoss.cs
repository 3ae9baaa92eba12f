namespace Playout.Engine.Producers;

/// <summary>A span of channel ticks on which a live input had no signal and the filler stood in.</summary>
/// <param name="LostTick">The first tick the filler covered.</param>
/// <param name="BackTick">The tick its pictures were on air again; null while still lost (or taken off air lost).</param>
/// <param name="Reason">Why: no pictures arriving, or the input's error.</param>
public sealed record SignalLoss(long LostTick, long? BackTick, string Reason);
