using Playout.Engine.Alarms;
using Playout.Engine.Clocks;
using Playout.Engine.Clocks.Ptp;
using Playout.Media.Formats;
using Microsoft.Extensions.Logging.Abstractions;

namespace Playout.Engine.Tests.Timing;

/// <summary>The "ptp" clock on time a test steps, and linuxptp's answers as pmc prints them.</summary>
public class PtpClockTests
{
    /// <summary>pmc's answers from ptp4l following a software-timestamped grandmaster (captured from linuxptp 3.1.1; the
    /// announced UTC offset marked valid).</summary>
    private const string Locked = """
        sending: GET TIME_STATUS_NP
        	6a7626.fffe.34cb3c-0 seq 0 RESPONSE MANAGEMENT TIME_STATUS_NP 
        		master_offset              -375
        		ingress_time               1796535447358035726
        		cumulativeScaledRateOffset +0.000000000
        		scaledLastGmPhaseChange    0
        		gmTimeBaseIndicator        0
        		lastGmPhaseChange          0x0000'0000000000000000.0000
        		gmPresent                  true
        		gmIdentity                 3a782e.fffe.15dd77
        sending: GET TIME_PROPERTIES_DATA_SET
        	6a7626.fffe.34cb3c-0 seq 1 RESPONSE MANAGEMENT TIME_PROPERTIES_DATA_SET 
        		currentUtcOffset      37
        		leap61                0
        		leap59                0
        		currentUtcOffsetValid 1
        		ptpTimescale          1
        sending: GET PORT_DATA_SET
        	6a7626.fffe.34cb3c-1 seq 2 RESPONSE MANAGEMENT PORT_DATA_SET 
        		portIdentity            6a7626.fffe.34cb3c-1
        		portState               SLAVE
        		logMinDelayReqInterval  -3
        """;

    public static TheoryData<string> Modes => [.. VideoFormats.All.Select(f => f.Name).Where((_, i) => i % 3 == 0)];

    [Fact]
    public void Pmcs_answers_read_as_the_grandmaster_its_offset_and_tai_less_utc()
    {
        var status = PtpStatus.Parse(Locked)!;
        Assert.Equal(new PtpStatus(true, "3a782e.fffe.15dd77", -375, 37), status);
        Assert.Equal("3A-78-2E-FF-FE-15-DD-77", status.GrandmasterEui64);
        var free = PtpStatus.Parse(Locked.Replace("gmPresent                  true", "gmPresent                  false")
            .Replace("currentUtcOffsetValid 1", "currentUtcOffsetValid 0").Replace("currentUtcOffset      37", "currentUtcOffset      36"))!;
        Assert.Equal(new PtpStatus(false, null, -375, PtpStatus.DefaultUtcOffset), free);
        // ptp4l goes on naming the grandmaster it lost; its port no longer follows one.
        Assert.False(PtpStatus.Parse(Locked.Replace("portState               SLAVE", "portState               LISTENING"))!.GrandmasterPresent);
        Assert.Null(PtpStatus.Parse(""));
        Assert.Null(PtpStatus.Parse("sending: GET TIME_STATUS_NP\n"));
        Assert.Null(PtpStatus.Parse(Locked.Replace("-375", "lots")));
    }

    /// <summary>
    /// Frames are on the grid from 1970-01-01 TAI: the media frame of the clock's first tick is the TAI time's frame, whatever
    /// moment the clock was made in, and the epoch in UTC is TAI − 37 s behind it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void Frames_are_counted_from_the_smpte_epoch_on_tai(string mode)
    {
        var rate = VideoFormats.Parse(mode).FrameRate;
        var time = new SteppedTime();
        using var clock = new PtpClock(rate, new FakePtp(Status(offset: 100)), 127, TimeSpan.FromMicroseconds(1), time: time);
        var tick = clock.WaitNextTick();
        var tai = time.UtcNow().AddSeconds(37) - DateTimeOffset.UnixEpoch;
        long expected = (long)((Int128)tai.Ticks * rate.Numerator / ((Int128)TimeSpan.TicksPerSecond * rate.Denominator));
        Assert.Equal(expected, clock.MediaEpochFrame + tick.Frame);
        Assert.InRange((time.UtcNow() - clock.Epoch).TotalSeconds, 0, rate.Denominator / (double)rate.Numerator);
    }

    /// <summary>
    /// On the machine's timer a PTP clock tells outputs when each frame of its timeline begins (ST 2110 flows leave on it),
    /// a period apart; on a test's stepped time it tells none, as the system clock does.
    /// </summary>
    [Fact]
    public void Frame_times_are_on_the_machines_timer_only()
    {
        var rate = VideoFormats.Parse("1080i59.94").FrameRate;
        using var clock = new PtpClock(rate, new FakePtp(Status(0)), 127, TimeSpan.FromMicroseconds(1));
        var tick = clock.WaitNextTick();
        long start = clock.FrameTimestamp(tick.Frame)!.Value, next = clock.FrameTimestamp(tick.Frame + 1)!.Value;
        Assert.Equal(System.Diagnostics.Stopwatch.Frequency * rate.Denominator / (double)rate.Numerator, next - start, 1.0);
        Assert.InRange(System.Diagnostics.Stopwatch.GetTimestamp(), start, next + System.Diagnostics.Stopwatch.Frequency / 10);
        using var stepped = new PtpClock(rate, new FakePtp(Status(0)), 127, TimeSpan.FromMicroseconds(1), time: new SteppedTime());
        Assert.Null(stepped.FrameTimestamp(0));
        Assert.Null(new SystemClock(rate, time: new SteppedTime()).FrameTimestamp(0));
    }

    /// <summary>Two nodes' clocks made at different moments number the frame airing at one instant alike.</summary>
    [Fact]
    public void Clocks_made_apart_agree_on_the_frame_of_an_instant()
    {
        var rate = VideoFormats.Parse("1080i59.94").FrameRate;
        var time = new SteppedTime();
        using var first = new PtpClock(rate, new FakePtp(Status(0)), 127, TimeSpan.FromMicroseconds(1), time: time);
        time.Stall(TimeSpan.FromSeconds(12.3456));
        using var second = new PtpClock(rate, new FakePtp(Status(0)), 127, TimeSpan.FromMicroseconds(1), time: time);
        var a = first.WaitNextTick();
        var b = second.WaitNextTick();
        Assert.Equal(first.MediaEpochFrame + a.Frame, second.MediaEpochFrame + b.Frame);
    }

    [Fact]
    public void Without_a_grandmaster_within_the_threshold_the_clock_alarm_is_up_and_the_sdp_says_local()
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        var ptp = new FakePtp(Status(offset: 50_000));
        using var clock = new PtpClock(new Rational(25), ptp, 127, TimeSpan.FromMicroseconds(10), alarms, "c", new SteppedTime());
        Assert.False(clock.IsLocked);
        Assert.Equal("local", clock.ReferenceClock);
        Assert.Contains("not locked to PTP: system clock (ptp 50000 ns from grandmaster 3A-78-2E-FF-FE-15-DD-77)",
            alarms.Active.Single(a => a.Source == ClockAlarms.Reference("c")).Message);
        ptp.Status = Status(offset: -2_000);
        Assert.True(SpinWait.SpinUntil(() => clock.IsLocked, TimeSpan.FromSeconds(5)), "a status within 10 µs did not lock the clock");
        Assert.True(SpinWait.SpinUntil(() => !alarms.IsActive(ClockAlarms.Reference("c")), TimeSpan.FromSeconds(5)));
        Assert.Equal("ptp=IEEE1588-2008:3A-78-2E-FF-FE-15-DD-77:127", clock.ReferenceClock);
        Assert.Equal("ptp (grandmaster 3A-78-2E-FF-FE-15-DD-77, domain 127)", clock.Source);
        ptp.Status = null;
        Assert.True(SpinWait.SpinUntil(() => alarms.IsActive(ClockAlarms.Reference("c")), TimeSpan.FromSeconds(5)), "a lost daemon raised no alarm");
        Assert.Equal("system clock (no ptp daemon)", clock.Source);
    }

    [Fact]
    public void A_daemon_query_that_throws_is_no_daemon_and_the_clock_ticks_on()
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var clock = new PtpClock(new Rational(25), new ThrowingPtp(), 127, TimeSpan.FromMicroseconds(10), alarms, "c", new SteppedTime());
        Assert.Equal("system clock (no ptp daemon)", clock.Source);
        Assert.True(alarms.IsActive(ClockAlarms.Reference("c")));
        var tick = clock.WaitNextTick();
        Assert.Equal(tick.Frame + 1, clock.WaitNextTick().Frame);
    }

    private sealed class ThrowingPtp : IPtpSource
    {
        public PtpStatus? Query() => throw new InvalidOperationException("pmc vanished");
    }

    private static PtpStatus Status(long offset) => new(true, "3a782e.fffe.15dd77", offset, 37);

    private sealed class FakePtp(PtpStatus? status) : IPtpSource
    {
        public volatile PtpStatus? Status = status;

        public PtpStatus? Query() => Status;
    }
}
