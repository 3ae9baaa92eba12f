using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Clocks;
using Playout.Media.Formats;

namespace Playout.Engine.Tests.Timing;

public class SystemClockTests
{
    private const string Channel = "channel 1";
    private static readonly string UtcAlarm = ClockAlarms.Utc(Channel);

    public static TheoryData<string> Modes => [.. VideoFormats.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Frame_n_is_due_at_the_epoch_plus_n_periods_exactly_in_every_mode(string mode)
    {
        var rate = VideoFormats.Parse(mode).FrameRate;
        var time = new SteppedTime();
        var made = time.UtcNow();
        var clock = new SystemClock(rate, time: time);
        Assert.InRange((made - clock.Epoch).TotalSeconds, 0, (double)rate.Denominator / rate.Numerator);
        Assert.Equal(0, clock.WaitNextTick().Frame);
        Assert.Equal(1, clock.WaitNextTick().Frame);
        long first = time.Timestamp();
        // Frame 1 + Numerator is due Denominator seconds after frame 1 (1001 s at 1000/1001 rates), to the timer's tick, however
        // many frames went before: due times are computed from the epoch, never accumulated.
        for (long frame = 2; frame <= rate.Numerator + 1; frame++)
            Assert.Equal(frame, clock.WaitNextTick().Frame);
        Assert.Equal(first + rate.Denominator * Stopwatch.Frequency, time.Timestamp());
        // The epoch is a frame start on the grid from 1970: at 25 and 50 fps every whole second starts a frame.
        if (TimeSpan.TicksPerSecond % rate.Numerator == 0 && rate.Denominator == 1)
            Assert.Equal(0, (Int128)(clock.Epoch - DateTimeOffset.UnixEpoch).Ticks * rate.Numerator % TimeSpan.TicksPerSecond);
        Assert.Equal(0, clock.LateTicks);
    }

    [Fact]
    public void A_stall_jumps_to_the_reference_frame_and_shifts_nothing_after_it()
    {
        var rate = new Rational(25);
        var time = new SteppedTime();
        var clock = new SystemClock(rate, time: time);
        long start = time.Timestamp();
        for (int i = 0; i < 10; i++)
            clock.WaitNextTick();
        time.Stall(TimeSpan.FromSeconds(2));
        var late = clock.WaitNextTick();
        // 2 s after frame 9 was due the reference is on frame 59: the frames between are skipped, not played late.
        Assert.Equal(59, late.Frame);
        Assert.Equal(1, clock.LateTicks);
        var next = clock.WaitNextTick();
        Assert.Equal(60, next.Frame);
        Assert.Equal(start + 60 * Stopwatch.Frequency / 25, time.Timestamp());
    }

    [Fact]
    public void A_tick_late_by_less_than_a_frame_still_airs_its_frame()
    {
        var time = new SteppedTime();
        var clock = new SystemClock(new Rational(25), time: time);
        clock.WaitNextTick();
        clock.WaitNextTick();
        time.Stall(TimeSpan.FromMilliseconds(50));
        Assert.Equal(2, clock.WaitNextTick().Frame);
        Assert.Equal(1, clock.LateTicks);
        Assert.Equal(3, clock.WaitNextTick().Frame);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(-500)]
    public void Over_hours_a_drifting_UTC_clock_is_followed_within_one_frame_without_an_alarm(double ppm)
    {
        foreach (var rate in new[] { new Rational(25), new Rational(60000, 1001) })
        {
            var time = new SteppedTime { UtcDriftPpm = ppm };
            var alarms = new AlarmBoard(NullLogger.Instance);
            var clock = new SystemClock(rate, alarms, Channel, time);
            double period = (double)rate.Denominator / rate.Numerator;
            double worst = 0;
            long frames = 2 * 3600 * rate.Numerator / rate.Denominator;
            for (long i = 0; i < frames; i++)
            {
                var tick = clock.WaitNextTick();
                var airs = clock.Epoch + TimeSpan.FromSeconds(tick.Frame * period);
                worst = Math.Max(worst, Math.Abs((time.UtcNow() - airs).TotalSeconds));
            }
            Assert.True(worst < period, $"{rate}: {ppm} ppm put the time of day {worst * 1000:0.0} ms off UTC");
            Assert.Equal(0, alarms.RaisedCount);
        }
    }

    [Fact]
    public void A_forward_UTC_step_is_followed_at_once_by_skipping_frames_with_one_latched_alarm()
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var clock = new SystemClock(new Rational(25), alarms, Channel, time);
        long frame = 0;
        for (int i = 0; i < 30; i++)
            frame = clock.WaitNextTick().Frame;
        time.StepUtc(TimeSpan.FromSeconds(3));
        // Within the next second's check the clock is on UTC's frame: 75 frames further than the ticks it ran.
        long ticks = 0;
        for (; ticks < 30; ticks++)
            frame = clock.WaitNextTick().Frame;
        Assert.InRange(frame - 29 - ticks, 74, 76);
        AssertOnUtc(clock, time, frame, 25);
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(UtcAlarm, alarm.Source);
        Assert.Contains("stepped forward by 3000 ms", alarm.Message);
        // Over: still listed (latched), and no new alarm for it.
        for (int i = 0; i < 100; i++)
            clock.WaitNextTick();
        Assert.True(alarms.IsActive(UtcAlarm));
        Assert.Equal(1, alarms.RaisedCount);
    }

    [Fact]
    public void A_small_backward_UTC_step_holds_the_channel_until_UTC_is_back_on_its_frame()
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var clock = new SystemClock(new Rational(25), alarms, Channel, time);
        for (int i = 0; i < 30; i++)
            clock.WaitNextTick();
        time.StepUtc(TimeSpan.FromMilliseconds(-500));
        long before = time.Timestamp();
        long frame = 29;
        for (int i = 0; i < 50; i++)
        {
            long next = clock.WaitNextTick().Frame;
            Assert.Equal(frame + 1, next);
            frame = next;
        }
        // 50 frames took 2 s plus the 0.5 s held.
        Assert.Equal(2.5, (double)(time.Timestamp() - before) / Stopwatch.Frequency, 2);
        AssertOnUtc(clock, time, frame, 25);
        Assert.Contains("stepped back by 500 ms", Assert.Single(alarms.Active).Message);
    }

    [Fact]
    public void A_large_backward_UTC_step_is_not_followed_and_stays_alarmed()
    {
        var time = new SteppedTime();
        var alarms = new AlarmBoard(NullLogger.Instance);
        var clock = new SystemClock(new Rational(25), alarms, Channel, time);
        for (int i = 0; i < 30; i++)
            clock.WaitNextTick();
        time.StepUtc(TimeSpan.FromHours(-1));
        long before = time.Timestamp();
        for (int i = 0; i < 250; i++)
            Assert.Equal(30 + i, clock.WaitNextTick().Frame);
        // Frames kept their rate: the channel is not held for an hour.
        Assert.Equal(10.0, (double)(time.Timestamp() - before) / Stopwatch.Frequency, 1);
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(AlarmSeverity.Major, alarm.Severity);
        Assert.Contains("not followed", alarm.Message);
        Assert.Equal(1, alarms.RaisedCount);
    }

    private static void AssertOnUtc(SystemClock clock, SteppedTime time, long frame, int fps)
    {
        var airs = clock.Epoch + TimeSpan.FromSeconds((double)frame / fps);
        Assert.InRange((time.UtcNow() - airs).TotalMilliseconds, -1000.0 / fps, 1000.0 / fps);
    }
}
