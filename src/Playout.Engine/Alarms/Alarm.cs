namespace Playout.Engine.Alarms;

/// <summary>
/// A condition an operator must see: what (<see cref="Source"/>), how bad, why, since when, whether it has cleared and
/// who has seen it. <see cref="Id"/> names this one occurrence everywhere (REST, panel, SNMP, as-run) and across restarts;
/// the source raising again after its alarm cleared is a new alarm with a new id.
/// </summary>
/// <param name="Source">Stable key of the condition, "&lt;channel&gt;/&lt;part&gt;", e.g. "channel 1/clock" or "channel 1/layer 10"; raising it again updates it.</param>
public sealed record Alarm(long Id, string Source, AlarmSeverity Severity, string Message, DateTimeOffset RaisedAt)
{
    public DateTimeOffset? ClearedAt { get; init; }

    public AlarmAck? Ack { get; init; }

    /// <summary>The channel the alarm belongs to (the source's first part), or null for the service's own.</summary>
    public string? Channel => Source.IndexOf('/') is > 0 and var slash ? Source[..slash] : null;

    public AlarmSourceKind Kind => KindOf(Source);

    public static AlarmSourceKind KindOf(string source)
    {
        int slash = source.IndexOf('/');
        if (slash <= 0)
            return AlarmSourceKind.Service;
        var part = source.AsSpan(slash + 1);
        return part.StartsWith("layer") ? AlarmSourceKind.Layer
            : part.StartsWith("input") ? AlarmSourceKind.Input
            : part.StartsWith("output") || part.StartsWith("stream") ? AlarmSourceKind.Output
            : part.StartsWith("probe") ? AlarmSourceKind.Probe
            : part.StartsWith("device") ? AlarmSourceKind.Device
            : AlarmSourceKind.Channel;
    }
}
