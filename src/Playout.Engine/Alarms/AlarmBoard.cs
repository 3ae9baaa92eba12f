using Microsoft.Extensions.Logging;
using Playout.Engine.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// The alarms of the service: one model behind REST, the panel, SNMP and the as-run logs. A source raises and clears
/// its condition (often from a channel's tick, so nothing here blocks); the board turns that into alarms with ids,
/// damped (<see cref="AlarmDamping"/>), that operators acknowledge. Each change is logged once (not once per tick) and
/// posted to the observers (<see cref="Subscribe"/>) in order, off the raiser's thread.
/// An alarm raised with a latch stays active for that long after it was last raised or updated even once its condition
/// is cleared, so a condition that comes and goes in a moment is still seen (once, not as a flapping alarm).
/// A cleared alarm stays listed until acknowledged (at most <see cref="AlarmDamping.KeepCleared"/> of them).
/// </summary>
public sealed class AlarmBoard : IDisposable
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(100);

    private readonly NonBlockingLogger _log;
    private readonly TimeProvider _time;
    private readonly AlarmDamping _damping;
    private readonly AlarmDispatch _dispatch;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _bySource = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, Alarm> _cleared = [];
    private ITimer? _sweeper;
    private long _nextId = 1;
    private long _raisedCount;

    public AlarmBoard(ILogger logger, TimeProvider? time = null, AlarmDamping? damping = null)
    {
        _log = logger as NonBlockingLogger ?? new NonBlockingLogger(logger);
        _time = time ?? TimeProvider.System;
        _damping = damping ?? AlarmDamping.None;
        _dispatch = new AlarmDispatch(_log);
    }

    /// <summary>Alarms raised since start, including those cleared since.</summary>
    public long RaisedCount => Interlocked.Read(ref _raisedCount);

    /// <summary>The alarms whose condition is there (or latched), oldest first.</summary>
    public IReadOnlyList<Alarm> Active
    {
        get
        {
            lock (_gate)
            {
                Sweep(_time.GetUtcNow());
                return [.. _bySource.Values.Where(e => e.Alarm is not null).Select(e => e.Alarm!).OrderBy(a => a.Id)];
            }
        }
    }

    /// <summary>The alarms an operator sees: the active ones, and the cleared ones nobody has acknowledged yet; oldest first.</summary>
    public IReadOnlyList<Alarm> Listed
    {
        get
        {
            lock (_gate)
            {
                Sweep(_time.GetUtcNow());
                return [.. _bySource.Values.Where(e => e.Alarm is not null).Select(e => e.Alarm!).Concat(_cleared.Values).OrderBy(a => a.Id)];
            }
        }
    }

    /// <summary>The listed alarm <paramref name="id"/>, or null.</summary>
    public Alarm? Find(long id)
    {
        lock (_gate)
        {
            Sweep(_time.GetUtcNow());
            return _cleared.GetValueOrDefault(id) ?? _bySource.Values.FirstOrDefault(e => e.Alarm?.Id == id)?.Alarm;
        }
    }

    /// <summary>Whether <paramref name="source"/>'s condition is raised and not yet cleared (an alarm may still be held off).</summary>
    /// <remarks>Allocates nothing unless the alarm's clear falls due now: ticks ask it.</remarks>
    public bool IsActive(string source)
    {
        lock (_gate)
        {
            if (!_bySource.TryGetValue(source, out var entry))
                return false;
            var now = _time.GetUtcNow();
            if (entry.ClearAt is { } due && due <= now)
            {
                Cleared(source, entry, now);
                return false;
            }
            return true;
        }
    }

    /// <param name="latch">How long the alarm stays active after this raise even if it is cleared sooner.</param>
    public void Raise(string source, AlarmSeverity severity, string message, TimeSpan latch = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_bySource.TryGetValue(source, out var entry))
                _bySource[source] = entry = new Entry(now, severity, message);
            entry.ClearAt = null;
            entry.LatchedUntil = Later(entry.LatchedUntil, now + latch);
            if (entry.Alarm is not { } alarm)
            {
                (entry.Severity, entry.Message) = (severity, message);
                if (now - entry.PendingSince >= _damping.HoldOff)
                    Promote(source, entry);
                else
                    Sweeping();
                return;
            }
            if (alarm.Severity == severity && alarm.Message == message)
                return;
            entry.Alarm = alarm with { Severity = severity, Message = message };
            if (alarm.Severity != severity)
            {
                // Another severity is news: observers hear it as a raise of the same alarm, and it needs seeing again.
                entry.Alarm = entry.Alarm with { Ack = null };
                Changed(AlarmEventKind.Raised, entry.Alarm, LogLevelOf(severity), "ALARM {Source} is now {Severity}: {Message}", source, severity, message);
            }
        }
    }

    /// <summary>
    /// The condition of a listed alarm is (still) there, now described by <paramref name="message"/>: it is updated without counting
    /// or logging a new alarm (e.g. a running count), stays until cleared again, and its latch is extended. False when the alarm is not listed.
    /// </summary>
    public bool Update(string source, string message, TimeSpan latch = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_bySource.TryGetValue(source, out var entry))
                return false;
            entry.ClearAt = null;
            entry.LatchedUntil = Later(entry.LatchedUntil, now + latch);
            if (entry.Alarm is { } alarm)
                entry.Alarm = alarm with { Message = message };
            else
                entry.Message = message;
            return true;
        }
    }

    /// <summary>The condition is gone: the alarm clears now, or when its latch or the clear delay ends.</summary>
    public void Clear(string source)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_bySource.TryGetValue(source, out var entry) || entry.ClearAt is not null)
                return;
            if (entry.Alarm is null)
            {
                _bySource.Remove(source); // held off and gone again: never an alarm
                return;
            }
            var due = Later(entry.LatchedUntil, now + _damping.ClearDelay);
            if (due <= now)
                Cleared(source, entry, now);
            else
            {
                entry.ClearAt = due;
                Sweeping();
            }
        }
    }

    /// <summary>An operator has seen alarm <paramref name="id"/>; a cleared one leaves the list. False when no listed alarm has that id.</summary>
    public bool Acknowledge(long id, string who, string? comment)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            if (_cleared.Remove(id, out var cleared))
            {
                Acknowledged(cleared with { Ack = new AlarmAck(who, now, comment) });
                return true;
            }
            foreach (var entry in _bySource.Values)
            {
                if (entry.Alarm is { } alarm && alarm.Id == id)
                {
                    if (alarm.Ack is null)
                        Acknowledged(entry.Alarm = alarm with { Ack = new AlarmAck(who, now, comment) });
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Observes every raise, clear and acknowledgement from now on, in order, on a pool thread; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<AlarmEvent> observer)
    {
        lock (_gate)
            Sweeping();
        return _dispatch.Subscribe(observer);
    }

    /// <summary>
    /// Takes back the alarms listed when the service last stopped (from <see cref="AlarmJournal"/>), before any source raises.
    /// Those then active stay for <see cref="AlarmDamping.RestartGrace"/>, keeping their id if their source raises again.
    /// </summary>
    public void Restore(IEnumerable<Alarm> listed, long lastId)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _nextId = Math.Max(_nextId, lastId + 1);
            foreach (var alarm in listed)
            {
                if (alarm.ClearedAt is not null)
                    _cleared[alarm.Id] = alarm;
                else
                    _bySource[alarm.Source] = new Entry(alarm.RaisedAt, alarm.Severity, alarm.Message) { Alarm = alarm, ClearAt = now + _damping.RestartGrace };
            }
            Sweeping();
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the events and log lines still queued to reach observers and the log (at shutdown).</summary>
    public bool Flush(TimeSpan timeout) => _dispatch.Drain(timeout) & _log.Flush(timeout);

    public void Dispose()
    {
        lock (_gate)
            _sweeper?.Dispose();
        _dispatch.Complete();
    }

    /// <summary>Damping and latches fall due even when nobody asks: a timer sweeps once one is pending and someone observes.</summary>
    private void Sweeping() => _sweeper ??= _time.CreateTimer(_ =>
    {
        lock (_gate)
            Sweep(_time.GetUtcNow());
    }, null, SweepPeriod, SweepPeriod);

    /// <summary>Raises the held-off alarms whose hold-off has ended and clears those whose clear is due.</summary>
    private void Sweep(DateTimeOffset now)
    {
        List<(string, Entry)>? due = null;
        foreach (var (source, entry) in _bySource)
        {
            if (entry.Alarm is null ? now - entry.PendingSince >= _damping.HoldOff : entry.ClearAt <= now)
                (due ??= []).Add((source, entry));
        }
        foreach (var (source, entry) in due ?? [])
        {
            if (entry.Alarm is null)
                Promote(source, entry);
            else
                Cleared(source, entry, now);
        }
    }

    private void Promote(string source, Entry entry)
    {
        entry.Alarm = new Alarm(_nextId++, source, entry.Severity, entry.Message, _time.GetUtcNow());
        Interlocked.Increment(ref _raisedCount);
        Changed(AlarmEventKind.Raised, entry.Alarm, LogLevelOf(entry.Severity), "ALARM {Source}: {Message} (alarm {Id}, {Severity})",
            source, entry.Message, entry.Alarm.Id, entry.Severity);
    }

    private void Cleared(string source, Entry entry, DateTimeOffset now)
    {
        _bySource.Remove(source);
        var alarm = entry.Alarm! with { ClearedAt = now };
        if (alarm.Ack is null)
        {
            _cleared[alarm.Id] = alarm;
            if (_cleared.Count > _damping.KeepCleared)
                _cleared.Remove(_cleared.Keys.First());
        }
        Changed(AlarmEventKind.Cleared, alarm, LogLevel.Information, "cleared {Source} (alarm {Id} raised {RaisedAt:O}: {Message})",
            source, alarm.Id, alarm.RaisedAt, alarm.Message);
    }

    private void Acknowledged(Alarm alarm) =>
        Changed(AlarmEventKind.Acknowledged, alarm, LogLevel.Information, "acknowledged {Source} (alarm {Id}) by {Who}: {Comment}",
            alarm.Source, alarm.Id, alarm.Ack!.Who, alarm.Ack.Comment ?? "");

    private void Changed(AlarmEventKind kind, Alarm alarm, LogLevel level, string template, params object?[] args)
    {
        _log.Log(level, template, args);
        _dispatch.Post(new AlarmEvent(kind, alarm));
    }

    private static LogLevel LogLevelOf(AlarmSeverity severity) =>
        severity is AlarmSeverity.Critical or AlarmSeverity.Major ? LogLevel.Error : LogLevel.Warning;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A source's condition: held off (<see cref="Alarm"/> null) or an alarm; <see cref="ClearAt"/> once cleared but kept by latch or delay.</summary>
    private sealed class Entry(DateTimeOffset pendingSince, AlarmSeverity severity, string message)
    {
        public DateTimeOffset PendingSince { get; } = pendingSince;
        public AlarmSeverity Severity { get; set; } = severity;
        public string Message { get; set; } = message;
        public Alarm? Alarm { get; set; }
        public DateTimeOffset LatchedUntil { get; set; }
        public DateTimeOffset? ClearAt { get; set; }
    }
}
