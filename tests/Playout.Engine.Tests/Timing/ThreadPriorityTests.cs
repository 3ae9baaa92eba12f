using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// A channel's threads share the CPU by their part (ThreadScheduling), as the kernel sees it in /proc: a real-time tick
/// thread at nice −10 ahead of the service's other threads, or a warning saying why it cannot (no CAP_SYS_NICE); one on
/// the unthrottled clock as it was; the preview's encoder at nice 10, behind everything (that needs no privilege).
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class ThreadPriorityTests
{
    [Fact]
    public void A_real_time_tick_thread_is_raised_to_nice_minus_10_or_logs_why_not_and_an_unthrottled_one_is_left_alone()
    {
        var format = VideoFormats.Parse("576i50");
        var (raised, log) = NiceOfTickThread(format, alarms => new SystemClock(format.FrameRate, alarms, "channel 1"));
        string? refused = log.Lines.SingleOrDefault(l => l.Contains("could not set thread 'channel 1 tick' to nice -10", StringComparison.Ordinal));
        if (refused is null)
            Assert.Equal(-10, raised);
        else
        {
            // Not permitted here (no root, no CAP_SYS_NICE): the thread stays as it was, and the log says how to permit it.
            Assert.Equal(NiceOfThisThread(), raised);
            Assert.EndsWith("(run the service as root or give it CAP_SYS_NICE)", refused);
        }

        var (unthrottled, quiet) = NiceOfTickThread(format, _ => new UnthrottledClock(format.FrameRate));
        Assert.Equal(NiceOfThisThread(), unthrottled);
        Assert.DoesNotContain(quiet.Lines, l => l.Contains("could not set thread", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preview_encoder_runs_at_nice_10_behind_the_service()
    {
        var format = VideoFormats.Parse("720p50");
        var alarms = new AlarmBoard(new LinesLogger());
        using var context = new ChannelContext("pv", format, 8, 16, new LinesLogger(), alarms);
        using var channel = new Channel(context, new UnthrottledClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        using var preview = new Consumers.PreviewConsumer(context, 320, 180, 10);
        channel.AddConsumer(preview);
        channel.RunTicks(5);
        // The kernel names a thread by the first 15 bytes of its name: "pv preview".
        SpinWait.SpinUntil(() => NiceOfThread("pv preview") == 10, TimeSpan.FromSeconds(10));
        Assert.Equal(10, NiceOfThread("pv preview"));
    }

    [Fact]
    public void The_8K_mixers_helper_and_the_simulated_cards_sync_run_as_a_real_time_tick()
    {
        int expected = RaisedNice();
        using (var stripes = new Playout.Engine.Mixing.LineStripes("stripes", split: true, raised: true))
        {
            stripes.Run((_, _) => { }, 2);
            Assert.Equal(expected, NiceOfThread("stripes stripes"));
        }
        using (var plain = new Playout.Engine.Mixing.LineStripes("plain", split: true))
        {
            plain.Run((_, _) => { }, 2);
            Assert.Equal(NiceOfThisThread(), NiceOfThread("plain stripes"));
        }
        using var card = new HwSim.SimulatedCard(VideoFormats.Parse("1080i50"), new HwSim.SimulatedCardOptions(Index: 7));
        // "hw-sim card 7 vsync", cut to 15 bytes by the kernel; the thread raises itself as it starts.
        Assert.True(SpinWait.SpinUntil(() => NiceOfThread("hw-sim card 7 v") == expected, TimeSpan.FromSeconds(10)),
            $"the card's sync thread is at nice {NiceOfThread("hw-sim card 7 v")}, not {expected}");
    }

    /// <summary>The nice value a thread raised as a real-time tick gets here: tried on a thread of its own (−10 with root or CAP_SYS_NICE, else unchanged).</summary>
    private static int RaisedNice()
    {
        int nice = 0;
        var thread = new Thread(() => nice = Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.Highest) is null ? -10 : NiceOfThisThread());
        thread.Start();
        thread.Join();
        return nice;
    }

    /// <summary>The nice value of a started channel's tick thread, read on that thread at its third tick, and what the channel logged.</summary>
    private static (int Nice, LinesLogger Log) NiceOfTickThread(VideoFormat format, Func<AlarmBoard, IChannelClock> clock)
    {
        var log = new LinesLogger();
        var alarms = new AlarmBoard(log);
        using var context = new ChannelContext("channel 1", format, 8, 16, log, alarms);
        int? nice = null;
        var probe = new StallingConsumer(stallAt: 3, () => nice = NiceOfThisThread());
        using var channel = new Channel(context, clock(alarms), SyntheticProducers.Color(context, "black"));
        channel.AddConsumer(probe);
        channel.Start();
        Assert.True(SpinWait.SpinUntil(() => nice is not null, TimeSpan.FromSeconds(10)), "the channel never reached tick 3");
        channel.Stop();
        return (nice!.Value, log);
    }

    private static int NiceOfThisThread() => NiceOf(File.ReadAllText("/proc/thread-self/stat"));

    /// <summary>The nice value of this process's thread named <paramref name="name"/> (its first 15 bytes), or null when there is none.</summary>
    private static int? NiceOfThread(string name)
    {
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == name)
                    return NiceOf(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }
        return null;
    }

    /// <summary>The nice value in a /proc stat line: field 19 (counted after the command name in parentheses).</summary>
    private static int NiceOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
}
