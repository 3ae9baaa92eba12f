using Playout.Engine.Consumers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Tests;

/// <summary>Keeps what the tests ask about each programme frame: its tick, one luma sample per probe column, its sound.</summary>
internal sealed class RecordingConsumer : IConsumer
{
    // Sized up front so that recording itself allocates nothing in the allocation tests.
    public List<Played> Frames { get; } = new(4096);

    /// <summary>Decodes each frame as it passes (on the tick thread, before the frame is released); off when null.</summary>
    public Func<Frame, AudioFrame, object?>? Inspect { get; set; }

    public string Name => "recorder";

    // Records on the tick thread so tests read what each RunTicks made as soon as it returns.
    public bool NeverBlocks => true;

    public ConsumerCounters Counters => new(Frames.Count, 0);

    public void Send(long tick, Frame video, AudioFrame audio) =>
        Frames.Add(new Played(tick, video.Metadata.Sequence, Inspect?.Invoke(video, audio)));

    public void Dispose()
    {
    }

    public readonly record struct Played(long Tick, long Sequence, object? Inspected);
}
