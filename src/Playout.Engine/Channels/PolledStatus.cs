namespace Playout.Engine.Channels;

/// <summary>
/// Channels' status for pollers (metrics scrapes, SNMP managers). A status read waits up to a frame for the channel's tick
/// to answer; here each channel is read at most once per <see cref="Fresh"/>, so however often the pollers ask, the ticks
/// answer a few requests a second and a poller waits on a tick at most that often.
/// </summary>
/// <param name="items">What is polled (a channel, or what holds one), in a stable order.</param>
public sealed class PolledStatus<T>(Func<IReadOnlyList<T>> items, Func<T, Channel> channelOf)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private (T Item, ChannelStatus Status)[] _last = [];
    private long _readAt;

    /// <summary>Every item with its channel's status, at most <see cref="Fresh"/> old.</summary>
    public IReadOnlyList<(T Item, ChannelStatus Status)> Read()
    {
        lock (_gate)
        {
            var now = items().ToArray();
            if (now.Length != _last.Length || Environment.TickCount64 - _readAt > Fresh.TotalMilliseconds)
            {
                _last = [.. now.Select(item => (item, channelOf(item).Status()))];
                _readAt = Environment.TickCount64;
            }
            return _last;
        }
    }
}
