namespace Playout.Engine.Clocks;

/// <summary>
/// A tick a clock says is due: the number of the reference's frame that airs now, and the deadline by which producers
/// must have delivered (a <see cref="System.Diagnostics.Stopwatch"/> timestamp). Frames are never repeated; a number
/// more than one past the last means the channel skipped frames (it fell behind the reference, or a simulation jumped).
/// </summary>
public readonly record struct ClockTick(long Frame, long Deadline);
