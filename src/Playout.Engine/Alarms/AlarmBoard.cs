using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Playout.Engine.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// The active alarms of the service. Raising or clearing logs a line once per change (not once per tick),
/// so a condition that persists for hours produces two log lines, not a million. Alarms are raised from channels'
/// ticks, so the log lines go out through a <see cref="NonBlockingLogger"/>: a blocked log sink never stalls a tick.
/// An alarm raised with a latch stays listed for that long after it was last raised or updated even once its condition
/// is cleared, so a condition that comes and goes in a moment is still seen by the operator (once, not as a flapping alarm).
/// </summary>
public sealed class AlarmBoard(ILogger logger, TimeProvider? time = null)
{
    private readonly NonBlockingLogger _log = logger as NonBlockingLogger ?? new NonBlockingLogger(logger);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _raisedCount;

    /// <summary>Alarms raised since start, including those cleared since.</summary>
    public long RaisedCount => Interlocked.Read(ref _raisedCount);

    public IReadOnlyList<Alarm> Active
    {
        get
        {
            Expire();
            return [.. _entries.Values.Select(e => e.Alarm).OrderBy(a => a.RaisedAt)];
        }
    }

    /// <remarks>Allocates nothing: ticks ask it.</remarks>
    public bool IsActive(string source) => _entries.TryGetValue(source, out var entry) && !Expired(source, entry, _time.GetUtcNow());

    /// <param name="latch">How long the alarm stays listed after this raise even if it is cleared sooner.</param>
    public void Raise(string source, AlarmSeverity severity, string message, TimeSpan latch = default)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(source, out var existing) && existing.Alarm.Severity == severity && existing.Alarm.Message == message)
        {
            _entries[source] = existing with { Cleared = false, LatchedUntil = Later(existing.LatchedUntil, now + latch) };
            return;
        }
        _entries[source] = new Entry(new Alarm(source, severity, message, now), now + latch, Cleared: false);
        Interlocked.Increment(ref _raisedCount);
        _log.Log(severity == AlarmSeverity.Warning ? LogLevel.Warning : LogLevel.Error, "ALARM {Source}: {Message}", source, message);
    }

    /// <summary>
    /// The condition of a listed alarm is (still) there, now described by <paramref name="message"/>: it is updated without counting
    /// or logging a new alarm (e.g. a running count), stays until cleared again, and its latch is extended. False when the alarm is not listed.
    /// </summary>
    public bool Update(string source, string message, TimeSpan latch = default)
    {
        var now = _time.GetUtcNow();
        while (_entries.TryGetValue(source, out var existing))
        {
            var updated = existing with
            {
                Alarm = existing.Alarm with { Message = message },
                Cleared = false,
                LatchedUntil = Later(existing.LatchedUntil, now + latch),
            };
            if (_entries.TryUpdate(source, updated, existing))
                return true;
        }
        return false;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the alarm lines still queued to reach the log (at shutdown).</summary>
    public bool Flush(TimeSpan timeout) => _log.Flush(timeout);

    /// <summary>The condition is gone: the alarm goes now, or when its latch ends.</summary>
    public void Clear(string source)
    {
        while (_entries.TryGetValue(source, out var existing) && !existing.Cleared)
        {
            if (existing.LatchedUntil > _time.GetUtcNow())
            {
                if (_entries.TryUpdate(source, existing with { Cleared = true }, existing))
                    return;
            }
            else if (_entries.TryRemove(new KeyValuePair<string, Entry>(source, existing)))
            {
                Cleared(existing.Alarm);
                return;
            }
        }
    }

    /// <summary>Removes the cleared alarms whose latch has ended.</summary>
    private void Expire()
    {
        var now = _time.GetUtcNow();
        foreach (var (source, entry) in _entries)
            Expired(source, entry, now);
    }

    /// <summary>True, and removed, when the alarm was cleared and its latch has ended.</summary>
    private bool Expired(string source, Entry entry, DateTimeOffset now)
    {
        if (!entry.Cleared || entry.LatchedUntil > now)
            return false;
        if (!_entries.TryRemove(new KeyValuePair<string, Entry>(source, entry)))
            return !_entries.ContainsKey(source); // raised again, or removed, meanwhile
        Cleared(entry.Alarm);
        return true;
    }

    private void Cleared(Alarm alarm) =>
        _log.LogInformation("cleared {Source} (raised {RaisedAt:O}: {Message})", alarm.Source, alarm.RaisedAt, alarm.Message);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <param name="Cleared">The condition has gone; the alarm is listed only until <paramref name="LatchedUntil"/>.</param>
    private sealed record Entry(Alarm Alarm, DateTimeOffset LatchedUntil, bool Cleared);
}
