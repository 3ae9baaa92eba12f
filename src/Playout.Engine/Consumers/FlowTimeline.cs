using Playout.Engine.Channels;

namespace Playout.Engine.Consumers;

/// <summary>
/// Where an ST 2110 flow puts a tick's frame on the channel clock's timeline: in the frame period after the tick's, stamped
/// with that period's time, so its packets leave inside the period their RTP timestamp names (ST 2110-21 reads a frame
/// from its timestamp's instant; a tick's frame is made during the tick's own period and cannot leave in it). Video,
/// sound and ancillary data move by the same frame and stay together. Without a clock that keeps time on the machine's
/// timer (a channel that runs as fast as it can, a card's genlock, a test's bare context) a flow stamps the tick itself
/// and paces from the frame's arrival.
/// </summary>
public readonly record struct FlowTimeline(long MediaFrame, long? Start)
{
    /// <summary>Frames between a tick and the period its frame leaves in.</summary>
    public const int DelayFrames = 1;

    /// <summary>Where tick <paramref name="tick"/>'s frame goes: its frame on the media clock as stamped, and when its
    /// period begins (a Stopwatch timestamp; null to pace from arrival).</summary>
    public static FlowTimeline Of(ChannelContext channel, long tick) => channel.FrameTimestamp(tick + DelayFrames) is { } start
        ? new FlowTimeline(channel.MediaFrame(tick) + DelayFrames, start)
        : new FlowTimeline(channel.MediaFrame(tick), null);

    /// <summary>
    /// The RTP timestamp of the frame's first sound sample at 48 kHz. On the timeline the sound moves by a whole number of
    /// samples, the nearest to a frame (1602 for 1601.6 at 29.97: 8 µs off the pictures), so its timestamps run on across
    /// the 1001 rates' cadence without a gap.
    /// </summary>
    public long FirstAudioSample(Media.Formats.VideoFormat format) => Start is null
        ? format.FirstAudioSample(MediaFrame)
        : format.FirstAudioSample(MediaFrame - DelayFrames) + format.FirstAudioSample(DelayFrames);
}
