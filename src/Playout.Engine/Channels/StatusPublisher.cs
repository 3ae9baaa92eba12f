using Playout.Engine.Probes;

namespace Playout.Engine.Channels;

/// <summary>
/// Hands status snapshots from a channel's tick to readers without a lock between them: a reader posts a request, the
/// tick answers it at the end of its next tick with the one thing only it may read, the layers' state (allocating only
/// then), and the reader puts the rest together on its own thread. A reader whose tick is stalled gets the last layers'
/// state after two frames instead of waiting on it.
/// </summary>
internal sealed class StatusPublisher(Channel channel)
{
    private TaskCompletionSource<LayerStatus[]>? _request;
    private volatile LayerStatus[] _last = [];

    public ChannelStatus Read(bool ticking)
    {
        if (!ticking)
            return Build(channel.LayerStatuses());
        var request = new TaskCompletionSource<LayerStatus[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Readers asking at the same time share one request: the tick answers all of them at once.
        request = Interlocked.CompareExchange(ref _request, request, null) ?? request;
        var frame = channel.Context.Format.FrameDuration.ToDouble();
        return Build(request.Task.Wait(TimeSpan.FromSeconds(Math.Max(2 * frame, 0.05))) ? request.Task.Result : _last);
    }

    /// <summary>Answers a waiting request; the tick thread calls this at the end of every tick.</summary>
    public void EndTick()
    {
        if (Volatile.Read(ref _request) is null || Interlocked.Exchange(ref _request, null) is not { } request)
            return;
        var layers = channel.LayerStatuses();
        _last = layers;
        request.TrySetResult(layers);
    }

    private ChannelStatus Build(LayerStatus[] layers)
    {
        var context = channel.Context;
        var (source, locked, late) = channel.ClockState;
        long tick = channel.Tick;
        return new ChannelStatus(channel.Name, context.Format.Name, channel.IsRunning, tick, source, locked, late,
            channel.Slips.Frames, tick > 0 ? channel.AirTime(tick - 1) : null,
            channel.Timings.Summarize(), context.Format.FrameDuration.ToDouble() * 1e6, layers,
            [.. channel.Consumers.Select(c => new ConsumerStatus(c.Name, c.Counters))],
            [.. context.Alarms.Active.Where(a => a.Source.StartsWith(channel.Name + "/", StringComparison.Ordinal))],
            context.VideoPool.Outstanding, context.AudioPool.Outstanding,
            channel.FailedTicks, context.Degradation.Counts,
            ProgrammeProbes.Of(channel)?.State, LoudnessProbe.Of(channel)?.Status());
    }
}
