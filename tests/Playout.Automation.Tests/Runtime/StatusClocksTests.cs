using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Runtime;

/// <summary>The count-to clocks and frame rate in the automation status, at 25, 29.97 and 59.94 fps (docs/AUTOMATION.md "Status").</summary>
public class StatusClocksTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, double? seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null,
        IReadOnlyList<SecondaryEvent>? secondaries = null) =>
        new(id, PrimaryKind.Filler, "#404040", Title: id.ToUpperInvariant(), Timing: timing, Start: start,
            Duration: seconds is double s ? TimeSpan.FromSeconds(s) : null, Secondaries: secondaries);

    private static readonly SecondaryEvent BreakOut = new(SecondaryKind.Scte35, Scte35: new Scte35Cue(7, OutOfNetwork: true));

    [Theory]
    [InlineData("576i50", 25, 1)]
    [InlineData("1080p29.97", 30000, 1001)]
    [InlineData("720p59.94", 60000, 1001)]
    public void Clocks_count_to_the_next_fixed_start_break_and_manual_event_in_the_channels_frames(string format, long num, long den)
    {
        using var channel = new AutomatedChannel(Epoch, format);
        channel.Load(new DaySchedule(Day, [
            Colour("a", 4),
            Colour("news", 2, TimingMode.Fixed, new TimeSpan(6, 0, 10), [BreakOut]),
            Colour("studio", 2, TimingMode.Manual)]));
        channel.RunUntil(20);
        var status = channel.Automation.Status();

        Assert.Equal(new FrameRateStatus(num, den), status.FrameRate);
        long news = channel.Time.TickAtLocal(Day, new TimeSpan(6, 0, 10));
        // Ten seconds after the epoch, in frames of this rate: 250, 299.7 or 599.4 rounded to a frame boundary.
        Assert.InRange(news, (long)Math.Floor(10.0 * num / den), (long)Math.Ceiling(10.0 * num / den));
        var fixedClock = status.Clocks.NextFixed!;
        Assert.Equal(("news", "NEWS"), (fixedClock.Id, fixedClock.Title));
        Assert.Equal(news - status.Tick, fixedClock.InFrames);
        Assert.Equal(channel.Time.Duration(news - status.Tick), fixedClock.In);
        Assert.Equal(channel.Time.OfDay(news), fixedClock.At);
        Assert.Equal(fixedClock, status.Clocks.NextBreak);
        // The manual event is reached when the news ends (2 s after its start): the operator's take is due then.
        var manual = status.Clocks.NextManual!;
        long newsEnd = news + channel.Time.Frames(TimeSpan.FromSeconds(2));
        Assert.Equal(("studio", newsEnd - status.Tick), (manual.Id, manual.InFrames));
        Assert.Equal(channel.Time.OfDay(newsEnd), manual.At);
        // A take awaited ends the plan without an end filler: the automation does not run out, it waits.
        Assert.Null(status.Clocks.EndOfAutomation);

        // Counting on: a second later every clock is that many frames nearer.
        long second = channel.Time.Frames(TimeSpan.FromSeconds(1));
        channel.RunUntil(20 + second);
        var later = channel.Automation.Status();
        Assert.Equal(fixedClock.InFrames - (later.Tick - status.Tick), later.Clocks.NextFixed!.InFrames);
    }

    [Theory]
    [InlineData("576i50")]
    [InlineData("1080p29.97")]
    [InlineData("720p59.94")]
    public void The_end_of_automation_is_where_the_last_event_ends_and_the_end_filler_takes_the_air(string format)
    {
        using var channel = new AutomatedChannel(Epoch, format);
        channel.Load(new DaySchedule(Day, [Colour("a", 2), Colour("b", 3)]));
        channel.RunUntil(10);
        var status = channel.Automation.Status();

        long end = channel.Time.Frames(TimeSpan.FromSeconds(5));
        var clock = status.Clocks.EndOfAutomation!;
        Assert.Equal(("b", "B", end - status.Tick), (clock.Id, clock.Title, clock.InFrames));
        Assert.Equal(channel.Time.OfDay(end), clock.At);
        Assert.Null(status.Clocks.NextFixed);
        Assert.Null(status.Clocks.NextManual);
        Assert.Null(status.Clocks.NextBreak);
    }

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p59.94")]
    public void The_break_on_air_is_named_from_its_first_frame_to_its_last_and_none_outside(string format)
    {
        using var channel = new AutomatedChannel(Epoch, format);
        channel.Load(new DaySchedule(Day, [Colour("a", 2), Colour("ads", 1, secondaries: [BreakOut]), Colour("b", 2)]));
        long breakStart = channel.Time.Frames(TimeSpan.FromSeconds(2)), breakEnd = channel.Time.Frames(TimeSpan.FromSeconds(3));
        // Channel.Tick counts the frames shown: the break's first frame is frame breakStart, shown once the tick is past it.
        channel.RunUntil(breakStart);
        Assert.Null(channel.Automation.BreakOnAir());
        channel.RunUntil(breakStart + 1);
        Assert.Equal("break ads 'ADS'", channel.Automation.BreakOnAir());
        channel.RunUntil(breakEnd);
        Assert.Equal("break ads 'ADS'", channel.Automation.BreakOnAir());
        channel.RunUntil(breakEnd + 1);
        Assert.Null(channel.Automation.BreakOnAir());
    }
}
