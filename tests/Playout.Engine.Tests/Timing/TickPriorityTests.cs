using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Timing;

/// <summary>
/// A real-time channel's tick thread runs ahead of the service's other threads (Linux: nice −10, as the kernel sees it
/// in /proc), or says once why it cannot (no CAP_SYS_NICE); a channel on the unthrottled clock keeps the normal priority.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class TickPriorityTests
{
    [Fact]
    public void A_real_time_tick_thread_is_raised_to_nice_minus_10_or_logs_why_not_and_an_unthrottled_one_is_left_alone()
    {
        var format = VideoFormats.Parse("576i50");
        var (raised, log) = NiceOfTickThread(format, alarms => new SystemClock(format.FrameRate, alarms, "channel 1"));
        string? refused = log.Lines.SingleOrDefault(l => l.Contains("could not raise the tick thread", StringComparison.Ordinal));
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
        Assert.DoesNotContain(quiet.Lines, l => l.Contains("tick thread", StringComparison.Ordinal));
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

    /// <summary>The calling thread's nice value: field 19 of /proc/thread-self/stat (after the command name in parentheses).</summary>
    private static int NiceOfThisThread()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
