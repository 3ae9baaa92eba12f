using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// An output of a channel: card, stream encoder, recorder, preview. A consumer that keeps a frame takes its own
/// reference, and one that falls behind drops (and counts) rather than stall the channel. A consumer that promises
/// <see cref="NeverBlocks"/> gets <see cref="Send"/> on the tick thread itself; any other is given a thread of its own
/// by the channel (<see cref="IsolatedConsumer"/>), so however long its Send takes, the channel keeps its frame rate.
/// Whatever Send throws is caught: that output raises its alarm and the rest of the channel goes on.
/// </summary>
public interface IConsumer : IDisposable
{
    string Name { get; }

    /// <summary>True when <see cref="Send"/> only hands the frame over (a bounded queue) and returns at once.</summary>
    bool NeverBlocks => false;

    /// <summary>The programme of tick <paramref name="tick"/>: a committed v210 frame and its 16-channel sound.</summary>
    void Send(long tick, Frame video, AudioFrame audio);

    /// <summary>Frames taken and frames dropped so far.</summary>
    ConsumerCounters Counters { get; }
}

/// <param name="Sent">Frames the consumer accepted.</param>
/// <param name="Dropped">Frames it dropped because it was behind or failed.</param>
/// <param name="Repeated">Output slots the device filled by repeating a frame (cards).</param>
public readonly record struct ConsumerCounters(long Sent, long Dropped, long Repeated = 0);
