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
        var sender = LiveSender.Start(port, seconds: 60);
        try
        {
            channel.Load(new DaySchedule(Day,
            [
                new PrimaryEvent("feed", PrimaryKind.Live, $"udp://127.0.0.1:{port}", Duration: TimeSpan.FromSeconds(8)),
                new PrimaryEvent("after", PrimaryKind.Filler, "#808080", Duration: TimeSpan.FromSeconds(1)),
            ]));
            // Ticks in real time (40 ms each), so the stream's loss is seen as on air: stopped at 3 s, back at 5 s.
            var clock = Stopwatch.StartNew();
            void RunTo(long tick)
            {
                while (channel.Channel.Tick < tick)
                {
                    var due = TimeSpan.FromMilliseconds(40 * (channel.Channel.Tick + 1)) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                        Thread.Sleep(due);
                    channel.RunUntil(channel.Channel.Tick + 1);
                }
            }
            RunTo(75);
            sender.Kill();
            sender.WaitForExit();
            RunTo(125);
            sender.Dispose();
            sender = LiveSender.Start(port, seconds: 60);
            RunTo(225);
        }
        finally
        {
            sender.Kill();
            sender.Dispose();
        }

        var feed = Assert.Single(channel.Automation.RecentAsRun, e => e.EventId == "feed");
        output.WriteLine(feed.Reason);
        Assert.Equal(AsRunStatus.Failed, feed.Status);
        Assert.Contains("no signal", feed.Reason);
        // The loss the test made: the filler from within 0.5 s of the stop (ticks 75..88) to within 1 s (plus the
        // sender's start) of its return (ticks 125..175); a slow first start may add a loss before it.
        var spans = Span().Matches(feed.Reason!).Select(m => (Lost: Tick(m.Groups[1].Value), Back: Tick(m.Groups[2].Value))).ToList();
        Assert.Contains(spans, s => s.Lost is >= 75 and <= 88 && s.Back is >= 125 and <= 175);
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
