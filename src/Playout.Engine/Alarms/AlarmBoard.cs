using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Playout.Engine.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// The active alarms of the service. Raising or clearing logs a line once per change (not once per tick),
/// so a condition that persists for hours produces two log lines, not a million. Alarms are raised from channels'
/// ticks, so the log lines go out through a <see cref="NonBlockingLogger"/>: a blocked log sink never stalls a tick.
/// </summary>
public sealed class AlarmBoard(ILogger logger, TimeProvider? time = null)
{
    private readonly NonBlockingLogger _log = logger as NonBlockingLogger ?? new NonBlockingLogger(logger);
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
        _log.Log(severity == AlarmSeverity.Warning ? LogLevel.Warning : LogLevel.Error, "ALARM {Source}: {Message}", source, message);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the alarm lines still queued to reach the log (at shutdown).</summary>
    public bool Flush(TimeSpan timeout) => _log.Flush(timeout);

    public void Clear(string source)
    {
        if (_active.TryRemove(source, out var alarm))
            _log.LogInformation("cleared {Source} (raised {RaisedAt:O}: {Message})", source, alarm.RaisedAt, alarm.Message);
    }
}
