namespace Playout.Snmp.Notifications;

/// <summary>How notifications are queued and informs retried.</summary>
public sealed record NotificationOptions
{
    /// <summary>Notifications waiting to be sent; more are dropped (and counted) rather than block the caller.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>How long the first try of an inform waits for its Response; each retry waits twice the one before.</summary>
    public TimeSpan InformTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries after the first before an inform counts as unacknowledged.</summary>
    public int InformRetries { get; init; } = 3;

    /// <summary>Informs awaiting an answer at once; the queue waits while this many are outstanding.</summary>
    public int MaxPendingInforms { get; init; } = 64;
}
