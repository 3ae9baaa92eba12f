using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// The active alarms of the service. Raising or clearing logs a line once per change (not once per tick),
/// so a condition that persists for hours produces two log lines, not a million.
/// </summary>
public sealed class AlarmBoard(ILogger logger, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, Alarm> _active = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _raisedCount;

    /// <summary>Alarms raised since start, including those cleared since.</summary>
    public long RaisedCount => Interlocked.Read(ref _raisedCount);

    public IReadOnlyList<Alarm> Active => [.. _active.Values.OrderBy(a => a.RaisedAt)];

    public bool IsActive(string source) => _active.ContainsKey(source);

    public void Raise(string source, AlarmSeverity severity, string message)
    {
        if (_active.TryGetValue(source, out var existing) && existing.Severity == severity && existing.Message == message)
            return;
        _active[source] = new Alarm(source, severity, message, _time.GetUtcNow());
        Interlocked.Increment(ref _raisedCount);
        logger.Log(severity == AlarmSeverity.Warning ? LogLevel.Warning : LogLevel.Error, "ALARM {Source}: {Message}", source, message);
    }

    public void Clear(string source)
    {
        if (_active.TryRemove(source, out var alarm))
            logger.LogInformation("cleared {Source} (raised {RaisedAt:O}: {Message})", source, alarm.RaisedAt, alarm.Message);
    }
}
