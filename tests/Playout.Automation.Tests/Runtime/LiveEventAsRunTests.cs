using System.Diagnostics;
using System.Text.RegularExpressions;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.TestSupport;
using Xunit.Abstractions;

namespace Playout.Automation.Tests.Runtime;

/// <summary>A live event whose stream drops out on air: the as-run says when the filler stood in and when the pictures came back.</summary>
public partial class LiveEventAsRunTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    // Tick 0 is the 06:00 day start.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_live_event_that_loses_its_stream_on_air_is_logged_failed_with_the_times_of_the_loss_and_the_return()
    {
        int port = FreePorts.Udp();
        using var channel = new AutomatedChannel(Epoch);
        int black = channel.LumaOf("black");
        var sender = LiveSender.Start(port, seconds: 60);
        long stopped, restarted, returned;
        try
        {
            channel.Load(new DaySchedule(Day,
            [
                new PrimaryEvent("feed", PrimaryKind.Live, $"udp://127.0.0.1:{port}", Duration: TimeSpan.FromSeconds(60)),
                new PrimaryEvent("after", PrimaryKind.Filler, "#808080", Timing: TimingMode.Manual, Duration: TimeSpan.FromSeconds(1)),
            ]));
            // Ticks 40 ms apart or more (never catching up faster), so the stream's loss is seen as on air and a span
            // of ticks is no longer than the time it took.
            bool RunUntil(Func<bool> done, int ticks)
            {
                for (long end = channel.Channel.Tick + ticks; channel.Channel.Tick < end && !done();)
                {
                    var next = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 25;
                    channel.RunUntil(channel.Channel.Tick + 1);
                    if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next) is { Ticks: > 0 } left)
                        Thread.Sleep(left);
                }
                return done();
            }
            Assert.True(RunUntil(() => channel.Luma.Count(luma => luma != black) >= 25, 500), "the stream never went to air");
            sender.Kill();
            sender.WaitForExit();
            stopped = channel.Channel.Tick;
            RunUntil(() => false, 50);
            sender.Dispose();
            sender = LiveSender.Start(port, seconds: 60);
            restarted = channel.Channel.Tick;
            Assert.True(RunUntil(() => channel.Luma.Skip((int)restarted).Any(luma => luma != black), 500), "the stream never came back");
            returned = channel.Luma.Skip((int)restarted).ToList().FindIndex(luma => luma != black) + restarted;
            RunUntil(() => false, 10);
            Assert.True(channel.Automation.Take().Ok);
            RunUntil(() => false, 5);
        }
        finally
        {
            sender.Kill();
            sender.Dispose();
        }

        var feed = Assert.Single(channel.Automation.RecentAsRun, e => e.EventId == "feed");
        output.WriteLine($"stopped {stopped}, restarted {restarted}, on air again {returned}: {feed.Reason}");
        Assert.Equal(AsRunStatus.Failed, feed.Status);
        Assert.Contains("no signal", feed.Reason);
        // The loss the test made, from soon after the stop to the tick the pictures were back; a slow first start
        // may add a loss before it.
        var spans = Span().Matches(feed.Reason!).Select(m => (Lost: Tick(m.Groups[1].Value), Back: Tick(m.Groups[2].Value))).ToList();
        Assert.Contains(spans, s => s.Lost > stopped && s.Lost <= stopped + 25 && s.Back > restarted && s.Back <= returned);
        Assert.DoesNotContain("to the end", feed.Reason);
    }

    /// <summary>A 25 fps time-of-day timecode of the 06:00 day as a tick.</summary>
    private static long Tick(string timecode)
    {
        var parts = timecode.Split(':', ';').Select(int.Parse).ToArray();
        return (((parts[0] - 6) * 60L + parts[1]) * 60 + parts[2]) * 25 + parts[3];
    }

    [GeneratedRegex(@"(\d\d:\d\d:\d\d[:;]\d\d) to (\d\d:\d\d:\d\d[:;]\d\d)")]
    private static partial Regex Span();
}
