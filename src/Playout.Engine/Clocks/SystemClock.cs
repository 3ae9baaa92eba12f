using System.Diagnostics;
using Playout.Engine.Alarms;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks;

/// <summary>
/// A clock on the machine's time: frame n is due at <see cref="Epoch"/> + n·period, a fixed UTC instant (exact at 1000/1001
/// rates; the epoch is the start of the frame the clock was made in, on a grid anchored at 1970-01-01T00:00Z), waited for on the monotonic timer and kept on the system's UTC clock by a <see cref="UtcDiscipline"/>. A tick that
/// comes a whole frame or more late is the frame due now: the frames in between are skipped, never shifted, so a stall costs
/// frames but no time. It sleeps until shortly before a deadline, then spins, because a plain sleep overshoots by up to a millisecond.
/// </summary>
public sealed class SystemClock : IChannelClock
{
    private readonly Rational _frameRate;
    private readonly ITimeSource _time;
    private readonly UtcDiscipline _discipline;
    private long _epochTimestamp;
    private long _next = -1;
    private long _lateTicks;

    /// <param name="channel">The channel whose UTC alarm (<see cref="ClockAlarms.Utc"/>) the clock raises on <paramref name="alarms"/>.</param>
    /// <param name="time">The machine's time unless a test steps its own.</param>
    public SystemClock(Rational frameRate, AlarmBoard? alarms = null, string channel = "", ITimeSource? time = null)
    {
        _frameRate = frameRate;
        _time = time ?? MachineTime.Instance;
        var now = TimePair.Read(_time);
        (Epoch, MediaEpochFrame) = FrameStart(now.Utc, frameRate);
        _epochTimestamp = now.Timestamp - (long)((Int128)(now.Utc - Epoch).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
        _discipline = new UtcDiscipline(_time, PeriodTicks, alarms, ClockAlarms.Utc(channel));
    }

    public string Source => "system clock";
    public bool IsLocked => false;
    public long LateTicks => Interlocked.Read(ref _lateTicks);
    public DateTimeOffset Epoch { get; }

    /// <summary>Frames from 1970-01-01 on the time source's scale to frame 0: the epoch is on that grid.</summary>
    public long MediaEpochFrame { get; }

    /// <summary>Stopwatch ticks per frame, rounded; only for deadlines and waits, never accumulated.</summary>
    public long PeriodTicks => (long)(Stopwatch.Frequency * _frameRate.Denominator / _frameRate.Numerator);

    public ClockTick WaitNextTick()
    {
        _epochTimestamp += _discipline.Correction(Epoch, _epochTimestamp);
        long frame = _next;
        long current = FrameNow();
        if (frame < 0 || current > frame)
        {
            // The first tick, or a whole frame or more behind (a stall, a forward UTC step): the reference's frame airs now.
            if (frame >= 0)
                Interlocked.Increment(ref _lateTicks);
            frame = Math.Max(current, 0);
        }
        else if (_time.Timestamp() > DueTime(frame))
            Interlocked.Increment(ref _lateTicks);
        else
            _time.WaitUntil(DueTime(frame));
        _next = frame + 1;
        return new ClockTick(frame, DueTime(frame) + PeriodTicks / 2);
    }

    public void Dispose()
    {
    }

    public long? FrameTimestamp(long frame) => _time.IsMachineTimer ? DueTime(frame) : null;

    /// <summary>The frame of the timeline whose period holds this moment (negative before the epoch).</summary>
    internal long FrameNow() =>
        (long)Floor(((Int128)_time.Timestamp() - _epochTimestamp) * _frameRate.Numerator, (Int128)Stopwatch.Frequency * _frameRate.Denominator);

    /// <summary>When frame <paramref name="frame"/> airs on the timeline (UTC, to 100 ns).</summary>
    internal DateTimeOffset AirTime(long frame) =>
        Epoch + TimeSpan.FromTicks((long)((Int128)frame * TimeSpan.TicksPerSecond * _frameRate.Denominator / _frameRate.Numerator));

    /// <summary>Carries on a numbering another clock used (genlock): the next tick is frame <paramref name="next"/> or the reference's, whichever is later.</summary>
    internal void ContinueFrom(long next) => _next = Math.Max(_next, next);

    private long DueTime(long frame) =>
        _epochTimestamp + (long)((Int128)frame * Stopwatch.Frequency * _frameRate.Denominator / _frameRate.Numerator);

    /// <summary>
    /// The start of the frame holding <paramref name="utc"/> on the frame grid anchored at 1970-01-01T00:00Z (as SMPTE ST 2059
    /// aligns signals), rounded up to 100 ns: whole seconds are frame starts at integer rates, and every channel at a rate shares a grid.
    /// </summary>
    private static (DateTimeOffset Start, long Frame) FrameStart(DateTimeOffset utc, Rational rate)
    {
        Int128 since = utc.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        Int128 frame = since * rate.Numerator / ((Int128)TimeSpan.TicksPerSecond * rate.Denominator);
        Int128 ticks = (frame * rate.Denominator * TimeSpan.TicksPerSecond + rate.Numerator - 1) / rate.Numerator;
        return (DateTimeOffset.UnixEpoch.AddTicks((long)ticks), (long)frame);
    }

    private static Int128 Floor(Int128 a, Int128 b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
