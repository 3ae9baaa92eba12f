using Playout.Media.Formats;

namespace Playout.Media.Frames;

/// <summary>Every frame a <see cref="FramePool"/> may hold is rented out; something is holding frames too long or leaking them.</summary>
public sealed class FramePoolExhaustedException : InvalidOperationException
{
    internal FramePoolExhaustedException(FrameLayout layout, int capacity, int outstanding)
        : base($"frame pool for {layout} is exhausted: capacity {capacity}, {outstanding} frame(s) outstanding; release frames or raise the capacity")
    {
    }
}
