using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// An output of a channel: card, stream encoder, recorder, preview. <see cref="Send"/> runs on the tick thread
/// once per tick and must not block or throw: a consumer that keeps a frame takes its own reference, and one
/// that falls behind drops (and counts) rather than stall the channel.
/// </summary>
public interface IConsumer : IDisposable
{
    string Name { get; }

    /// <summary>The programme of tick <paramref name="tick"/>: a committed v210 frame and its 16-channel sound.</summary>
    void Send(long tick, Frame video, AudioFrame audio);

    /// <summary>Frames taken and frames dropped so far.</summary>
    ConsumerCounters Counters { get; }
}

/// <param name="Sent">Frames the consumer accepted.</param>
/// <param name="Dropped">Frames it dropped because it was behind or failed.</param>
/// <param name="Repeated">Output slots the device filled by repeating a frame (cards).</param>
public readonly record struct ConsumerCounters(long Sent, long Dropped, long Repeated = 0);
