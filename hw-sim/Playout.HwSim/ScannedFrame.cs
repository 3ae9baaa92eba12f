namespace Playout.HwSim;

/// <summary>One output slot as the card played it.</summary>
/// <param name="Slot">The output's slot number (its vertical sync count since it started).</param>
/// <param name="Sequence">The frame's metadata sequence (the channel tick that made it, for mixed frames).</param>
/// <param name="Checksum">A checksum of the picture bytes (0 when checksums are off).</param>
/// <param name="Timestamp">When the slot started, a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
/// <param name="AudioSamples">Sample frames of sound that went with the picture.</param>
/// <param name="Repeated">No new frame was there: the last one was shown again (an underrun).</param>
/// <param name="Late">The frame came after its slot had started, so it went out one slot later.</param>
public readonly record struct ScannedFrame(long Slot, long Sequence, ulong Checksum, long Timestamp, int AudioSamples, bool Repeated, bool Late);
