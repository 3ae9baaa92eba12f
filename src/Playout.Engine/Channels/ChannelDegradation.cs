using Playout.Engine.Alarms;

namespace Playout.Engine.Channels;

/// <summary>
/// Counts the ticks a channel went out degraded (<see cref="DegradationKind"/>) and keeps one alarm up while it does:
/// raised on the first report, cleared after a second with none. Reported from the tick thread; read from any.
/// </summary>
public sealed class ChannelDegradation
{
    private readonly long[] _counts = new long[Enum.GetValues<DegradationKind>().Length];
    private readonly AlarmBoard _alarms;
    private readonly string _source;
    private readonly int _clearAfterTicks;
    private int _quietTicks = -1;

    internal ChannelDegradation(string channel, AlarmBoard alarms, int clearAfterTicks)
    {
        _alarms = alarms;
        _source = $"{channel}/degraded";
        _clearAfterTicks = clearAfterTicks;
    }

    public long Count(DegradationKind kind) => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>Every kind with its count so far, for status.</summary>
    public IReadOnlyDictionary<string, long> Counts =>
        Enum.GetValues<DegradationKind>().ToDictionary(k => k.ToString(), Count);

    /// <summary>Counts one degraded tick and (re)raises the alarm with <paramref name="message"/>. Tick thread.</summary>
    internal void Report(DegradationKind kind, string message)
    {
        long count = Interlocked.Increment(ref _counts[(int)kind]);
        if (_quietTicks < 0)
            _alarms.Raise(_source, AlarmSeverity.Major, $"{message} (degraded tick {count})");
        _quietTicks = 0;
    }

    /// <summary>Ends a tick: clears the alarm once a second has passed without a report. Tick thread.</summary>
    internal void EndTick()
    {
        if (_quietTicks >= 0 && ++_quietTicks > _clearAfterTicks)
        {
            _quietTicks = -1;
            _alarms.Clear(_source);
        }
    }
}
