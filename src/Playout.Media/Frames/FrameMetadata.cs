namespace Playout.Media.Frames;

/// <summary>What a frame carries besides its pixels; deliberately a small value so frames stay allocation-free.</summary>
/// <param name="Sequence">The frame's index on its timeline; <c>VideoFormat.TimeOf</c> turns it into a time.</param>
public readonly record struct FrameMetadata(long Sequence);
