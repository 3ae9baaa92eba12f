namespace Playout.Snmp.Notifications;

/// <summary>What became of the notifications handed to a <see cref="NotificationSender"/>.</summary>
public sealed class NotificationCounters
{
    private long _trapsSent, _informsSent, _informsAcknowledged, _informsUnacknowledged, _dropped;

    public long TrapsSent => Interlocked.Read(ref _trapsSent);

    /// <summary>Inform datagrams sent, retries included.</summary>
    public long InformsSent => Interlocked.Read(ref _informsSent);

    public long InformsAcknowledged => Interlocked.Read(ref _informsAcknowledged);

    /// <summary>Informs whose every try went unanswered.</summary>
    public long InformsUnacknowledged => Interlocked.Read(ref _informsUnacknowledged);

    /// <summary>Notifications not queued because the queue was full, or not sent because the socket failed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void TrapSent() => Interlocked.Increment(ref _trapsSent);
    internal void InformSent() => Interlocked.Increment(ref _informsSent);
    internal void InformAcknowledged() => Interlocked.Increment(ref _informsAcknowledged);
    internal void InformUnacknowledged() => Interlocked.Increment(ref _informsUnacknowledged);
    internal void Drop() => Interlocked.Increment(ref _dropped);
}
