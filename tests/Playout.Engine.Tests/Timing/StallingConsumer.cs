using Playout.Engine.Consumers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Tests.Timing;

/// <summary>An output on the tick thread that stalls it once, at a given tick, and records each tick with its sound's length.</summary>
internal sealed class StallingConsumer(long stallAt, Action stall) : IConsumer
{
    private readonly List<(long Tick, int Samples)> _sent = new(4096);
    private readonly Lock _lock = new();

    public string Name => "staller";
    public bool NeverBlocks => true;
    public ConsumerCounters Counters => new(Sent.Count, 0);

    /// <summary>When the stall ended (UTC).</summary>
    public DateTimeOffset? StallEnded { get; private set; }

    public IReadOnlyList<(long Tick, int Samples)> Sent
    {
        get
        {
            lock (_lock)
                return [.. _sent];
        }
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        lock (_lock)
            _sent.Add((tick, audio.SampleCount));
        if (tick == stallAt)
        {
            stall();
            StallEnded = DateTimeOffset.UtcNow;
        }
    }

    public void Dispose()
    {
    }
}
