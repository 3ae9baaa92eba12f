using System.Diagnostics;
using Playout.Engine.Alarms;
using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// Ticks on a card's vertical sync. When syncs stop arriving (reference lost) it raises an alarm and carries
/// on with a <see cref="SystemClock"/> from the moment the last tick was due, so the channel never stops; it
/// re-locks as soon as the card reports its reference back.
/// </summary>
public sealed class GenlockClock : IChannelClock
{
    private readonly IReferenceClock _reference;
    private readonly string _cardName;
    private readonly AlarmBoard _alarms;
    private readonly string _alarmSource;
    private readonly SystemClock _fallback;
    private readonly TimeSpan _syncTimeout;
    private readonly long _period;
    private long _lastSync = -1;
    private long _lateTicks;
    private volatile bool _locked = true;
    private long _frame;

    public GenlockClock(IReferenceClock reference, string cardName, Rational frameRate, AlarmBoard alarms, string alarmSource)
    {
        _reference = reference;
        _cardName = cardName;
        _alarms = alarms;
        _alarmSource = alarmSource;
        _fallback = new SystemClock(frameRate);
        _period = _fallback.PeriodTicks;
        // Two frame periods: one missed sync is jitter or a late DMA, two is a lost reference.
        _syncTimeout = TimeSpan.FromSeconds(2.0 * frameRate.Denominator / frameRate.Numerator);
    }

    public string Source => _locked ? $"genlock ({_cardName})" : $"system clock (genlock to {_cardName} lost)";
    public bool IsLocked => _locked;
    public long LateTicks => Interlocked.Read(ref _lateTicks) + _fallback.LateTicks;

    public ClockTick WaitNextTick()
    {
        if (!_locked)
        {
            if (!_reference.HasReference)
                return Next(_fallback.WaitNextTick().Deadline);
            _locked = true;
            _lastSync = -1;
            _alarms.Clear(_alarmSource);
        }
        if (_reference.WaitForSync(_syncTimeout, out long sync))
        {
            if (_lastSync >= 0 && sync > _lastSync + 1)
                Interlocked.Add(ref _lateTicks, sync - _lastSync - 1);
            _lastSync = sync;
            return Next(Stopwatch.GetTimestamp() + _period / 2);
        }
        _locked = false;
        _alarms.Raise(_alarmSource, AlarmSeverity.Major,
            $"reference lost: no vertical sync from {_cardName} for {_syncTimeout.TotalMilliseconds:0} ms; running on the system clock");
        _fallback.Restart(Stopwatch.GetTimestamp());
        return Next(_fallback.WaitNextTick().Deadline);
    }

    private ClockTick Next(long deadline) => new(_frame++, deadline);

    public void Dispose() => _fallback.Dispose();
}
