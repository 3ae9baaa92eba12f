using Playout.Engine.Producers.Clips;
using Playout.Media.Frames;

namespace Playout.Automation.Runtime;

/// <summary>
/// How far ahead, and how many, producers are opened before air. An opened clip decodes ahead into the channel's video
/// pool, so pre-roll is bounded by the pool rather than by the cue lookahead: many short clips within the lookahead
/// would otherwise hold every frame of the pool and starve the clip on air.
/// </summary>
internal sealed class PrerollBudget
{
    /// <summary>Frames a clip holds at most: its decoded-ahead queue, the frame on air and the one being packed.</summary>
    public static readonly int FramesPerProducer = ClipOptions.Default.Ahead + 2;

    /// <summary>How long before its start an item's producer is opened (at most the cue lookahead).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <param name="pool">The channel's video pool.</param>
    /// <param name="window">The pre-roll window in ticks.</param>
    public PrerollBudget(FramePool pool, long window)
    {
        Frames = window;
        // Kept back: the producer on air, the one it replaced (its frames come back once it is disposed off the tick),
        // and as much again for the mixer and the consumers. At least one is always allowed, or nothing could cut on its frame.
        Producers = Math.Max(1, (pool.Capacity - 3 * FramesPerProducer) / FramesPerProducer);
    }

    /// <summary>The pre-roll window in ticks.</summary>
    public long Frames { get; }

    /// <summary>The most producers held open ahead of air at once.</summary>
    public int Producers { get; }
}
