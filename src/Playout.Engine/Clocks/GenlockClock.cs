using System.Diagnostics;
using Playout.Engine.Alarms;
using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// Ticks on a card's vertical sync: frame numbers follow the card's sync count (a missed sync skips a frame), placed on the
/// timeline of a <see cref="SystemClock"/> when the clock locks, so genlock and system time number frames alike. When syncs stop
/// arriving (reference lost) it raises a latched alarm and carries on with that system clock, continuing the numbering, so the
/// channel never stops; it re-locks as soon as the card reports its reference back. A reference that drifts more than a frame
/// from UTC raises one latched alarm.
/// </summary>
public sealed class GenlockClock : IChannelClock
{
    private readonly IReferenceClock _reference;
    private readonly string _cardName;
    private readonly AlarmBoard _alarms;
    private readonly string _alarmSource;
    private readonly string _driftSource;
    private readonly SystemClock _fallback;
    private readonly ITimeSource _time;
    private readonly TimeSpan _syncTimeout;
    private readonly Rational _frameRate;
    private readonly long _period;
    private long? _offset;
    private long _next;
    private long _lateTicks;
    private long _losses;
    private bool _drifted;
    private double _phase = double.NaN;
    private double _earliest = double.MaxValue;
    private long _windowEnd;
    private volatile bool _locked = true;

    /// <param name="channel">The channel whose alarms (<see cref="ClockAlarms"/>) the clock raises.</param>
    /// <param name="time">The machine's time unless a test steps its own.</param>
    public GenlockClock(IReferenceClock reference, string cardName, Rational frameRate, AlarmBoard alarms, string channel, ITimeSource? time = null)
    {
        _reference = reference;
        _cardName = cardName;
        _alarms = alarms;
        _alarmSource = ClockAlarms.Reference(channel);
        _driftSource = ClockAlarms.Utc(channel);
        _time = time ?? MachineTime.Instance;
        _fallback = new SystemClock(frameRate, alarms, channel, _time);
        _frameRate = frameRate;
        _period = _fallback.PeriodTicks;
        // Two frame periods: one missed sync is jitter or a late DMA, two is a lost reference.
        _syncTimeout = TimeSpan.FromSeconds(2.0 * frameRate.Denominator / frameRate.Numerator);
    }

    public string Source => _locked ? $"genlock ({_cardName})" : $"system clock (genlock to {_cardName} lost)";
    public bool IsLocked => _locked;
    public long LateTicks => Interlocked.Read(ref _lateTicks) + _fallback.LateTicks;
    public DateTimeOffset Epoch => _fallback.Epoch;

    /// <summary>Genlocked frames are numbered on the fallback system clock's timeline.</summary>
    public long MediaEpochFrame => _fallback.MediaEpochFrame;

    public ClockTick WaitNextTick()
    {
        if (!_locked)
        {
            if (!_reference.HasReference)
                return Fallback();
            _locked = true;
            _offset = null;
            _phase = double.NaN;
            _alarms.Update(_alarmSource, $"reference from {_cardName} was lost {_losses} time(s); re-locked", ClockAlarms.Latch);
            _alarms.Clear(_alarmSource);
        }
        if (_reference.WaitForSync(_syncTimeout, out long sync))
        {
            // The first sync after (re)locking is the timeline's current frame; from then on the sync count numbers the frames.
            _offset ??= Math.Max(_fallback.FrameNow(), _next) - sync;
            long frame = Math.Max(sync + _offset.Value, _next);
            if (frame > _next && _next > 0)
                Interlocked.Add(ref _lateTicks, frame - _next);
            _next = frame + 1;
            WatchDrift(frame);
            return new ClockTick(frame, _time.Timestamp() + _period / 2);
        }
        _locked = false;
        _losses++;
        string lost = $"reference lost: no vertical sync from {_cardName} for {_syncTimeout.TotalMilliseconds:0} ms; running on the system clock";
        // A reference that comes and goes is one alarm that stays listed, not one raised and cleared each time.
        if (!_alarms.Update(_alarmSource, $"{lost} (lost {_losses} time(s))", ClockAlarms.Latch))
            _alarms.Raise(_alarmSource, AlarmSeverity.Major, lost, ClockAlarms.Latch);
        return Fallback();
    }

    public void Dispose() => _fallback.Dispose();

    private ClockTick Fallback()
    {
        _fallback.ContinueFrom(_next);
        var tick = _fallback.WaitNextTick();
        _next = tick.Frame + 1;
        return tick;
    }

    /// <summary>
    /// Raises one latched alarm when the reference's frames drift more than a frame from UTC's; clears it once back within half a
    /// frame. The card's syncs have a phase of their own against the UTC frame grid, and a tick wakes some time after its sync, so
    /// drift is the earliest a frame came in each second, against the earliest in the first second after locking.
    /// </summary>
    private void WatchDrift(long frame)
    {
        _earliest = Math.Min(_earliest, (_time.UtcNow() - _fallback.AirTime(frame)).TotalSeconds);
        long now = _time.Timestamp();
        if (now < _windowEnd)
            return;
        _windowEnd = now + Stopwatch.Frequency;
        double earliest = _earliest;
        _earliest = double.MaxValue;
        if (double.IsNaN(_phase))
        {
            _phase = earliest;
            return;
        }
        double drift = earliest - _phase, limit = (double)_frameRate.Denominator / _frameRate.Numerator;
        if (!_drifted && Math.Abs(drift) > limit)
        {
            _drifted = true;
            _alarms.Raise(_driftSource, AlarmSeverity.Warning,
                $"the reference of {_cardName} drifted {drift * 1000:0} ms off UTC: the channel's time of day follows the reference", ClockAlarms.Latch);
        }
        else if (_drifted && Math.Abs(drift) < limit / 2)
        {
            _drifted = false;
            _alarms.Clear(_driftSource);
        }
    }
}
