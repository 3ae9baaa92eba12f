namespace Playout.Engine.Channels;

/// <summary>
/// Hands status snapshots from a channel's tick to readers without a lock between them: a reader posts a request, the
/// tick answers it at the end of its next tick (allocating only then), and a reader whose tick is stalled gets the last
/// snapshot after two frames instead of waiting on it.
/// </summary>
internal sealed class StatusPublisher(Channel channel)
{
    private TaskCompletionSource<ChannelStatus>? _request;
    private volatile ChannelStatus? _last;

    public ChannelStatus Read(bool ticking)
    {
        if (!ticking)
            return Build();
        var request = new TaskCompletionSource<ChannelStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Readers asking at the same time share one request: the tick builds one snapshot for all of them.
        request = Interlocked.CompareExchange(ref _request, request, null) ?? request;
        var frame = channel.Context.Format.FrameDuration.ToDouble();
        if (request.Task.Wait(TimeSpan.FromSeconds(Math.Max(2 * frame, 0.05))))
            return request.Task.Result;
        return _last ?? Build(layers: false);
    }

    /// <summary>Answers a waiting request; the tick thread calls this at the end of every tick.</summary>
    public void EndTick()
    {
        if (Volatile.Read(ref _request) is null)
            return;
        var request = Interlocked.Exchange(ref _request, null);
        if (request is null)
            return;
        var status = Build();
        _last = status;
        request.TrySetResult(status);
    }

    private ChannelStatus Build(bool layers = true)
    {
        var context = channel.Context;
        var (source, locked, late) = channel.ClockState;
        return new ChannelStatus(channel.Name, context.Format.Name, channel.IsRunning, channel.Tick, source, locked, late,
            channel.Timings.Summarize(), context.Format.FrameDuration.ToDouble() * 1e6,
            layers ? channel.LayerStatuses() : [],
            [.. channel.Consumers.Select(c => new ConsumerStatus(c.Name, c.Counters))],
            [.. context.Alarms.Active.Where(a => a.Source.StartsWith(channel.Name + "/", StringComparison.Ordinal))],
            context.VideoPool.Outstanding, context.AudioPool.Outstanding,
            channel.FailedTicks, context.Degradation.Counts);
    }
}
