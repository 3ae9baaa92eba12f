using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Clocks;
using Playout.Media.Formats;

namespace Playout.Engine.Tests.Timing;

public class GenlockClockTests
{
    private const string Channel = "channel 1";
    private static readonly Rational Rate = new(25);

    [Fact]
    public void Frames_follow_the_sync_count_so_missed_syncs_skip_frames()
    {
        var time = new SteppedTime();
        var reference = new SteppedReference(time, Rate);
        using var clock = new GenlockClock(reference, "card", Rate, new AlarmBoard(NullLogger.Instance), Channel, time);
        long first = clock.WaitNextTick().Frame;
        for (int i = 1; i < 10; i++)
            Assert.Equal(first + i, clock.WaitNextTick().Frame);
        time.Stall(TimeSpan.FromMilliseconds(210));
        // Five syncs went by while the tick was stalled: the next is the sixth, and the frames follow it.
        Assert.Equal(first + 9 + 6, clock.WaitNextTick().Frame);
        Assert.Equal(5, clock.LateTicks);
    }

    [Fact]
    public void A_lost_reference_continues_the_same_numbering_on_the_system_clock_and_one_latched_alarm_covers_every_loss()
    {
        var time = new SteppedTime();
        var reference = new SteppedReference(time, Rate);
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var clock = new GenlockClock(reference, "card", Rate, alarms, Channel, time);
        long last = clock.WaitNextTick().Frame;
        for (int loss = 0; loss < 3; loss++)
        {
            for (int i = 0; i < 20; i++)
                last = Next(clock, last, time);
            reference.Lost = true;
            for (int i = 0; i < 20; i++)
                last = Next(clock, last, time);
            Assert.False(clock.IsLocked);
            reference.Lost = false;
        }
        for (int i = 0; i < 20; i++)
            last = Next(clock, last, time);
        Assert.True(clock.IsLocked);
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(ClockAlarms.Reference(Channel), alarm.Source);
        Assert.Contains("lost 3 time(s); re-locked", alarm.Message);
        Assert.Equal(1, alarms.RaisedCount);
    }

    [Fact]
    public void A_reference_drifting_off_UTC_raises_one_latched_alarm()
    {
        var time = new SteppedTime();
        // 1000 ppm fast: a frame ahead of UTC after 40 s.
        var reference = new SteppedReference(time, Rate, ppmFast: 1000);
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var clock = new GenlockClock(reference, "card", Rate, alarms, Channel, time);
        for (int i = 0; i < 25 * 120; i++)
            clock.WaitNextTick();
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(ClockAlarms.Utc(Channel), alarm.Source);
        Assert.Contains("off UTC", alarm.Message);
        Assert.Equal(1, alarms.RaisedCount);
    }

    [Fact]
    public void A_reference_with_its_own_phase_and_late_wake_ups_is_not_drift()
    {
        var time = new SteppedTime();
        // Syncs 39 ms after the UTC grid's frame starts, and a tick now and then woken 30 ms late.
        var reference = new SteppedReference(time, Rate, phase: TimeSpan.FromMilliseconds(39));
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var clock = new GenlockClock(reference, "card", Rate, alarms, Channel, time);
        for (int i = 0; i < 25 * 600; i++)
        {
            if (i % 7 == 0)
                time.Stall(TimeSpan.FromMilliseconds(30));
            clock.WaitNextTick();
        }
        Assert.Empty(alarms.Active);
    }

    /// <summary>The next tick: never a repeated frame, and on the timeline within a frame of UTC.</summary>
    private static long Next(GenlockClock clock, long last, SteppedTime time)
    {
        long frame = clock.WaitNextTick().Frame;
        Assert.True(frame > last, $"frame {frame} after {last}");
        double off = (time.UtcNow() - clock.Epoch).TotalSeconds - frame / 25.0;
        Assert.InRange(off, -0.04, 0.08);
        return frame;
    }
}
