using Playout.Engine.Channels;

namespace Playout.Engine.Tests.Timing;

/// <summary>Pollers read a channel's status through <see cref="PolledStatus{T}"/>: however often they ask, the tick answers a few times a second.</summary>
public class PolledStatusTests
{
    [Fact]
    public void Reads_within_the_freshness_window_share_one_status_and_a_later_read_gets_a_new_one()
    {
        using var channel = new TestChannel(realTime: true);
        channel.Channel.Start();
        var polled = new PolledStatus<TestChannel>(() => [channel], c => c.Channel);
        var first = polled.Read().Single().Status;
        for (int i = 0; i < 200; i++)
            Assert.Same(first, polled.Read().Single().Status);
        Thread.Sleep(PolledStatus<TestChannel>.Fresh + TimeSpan.FromMilliseconds(100));
        var later = polled.Read().Single().Status;
        Assert.NotSame(first, later);
        Assert.True(later.Tick > first.Tick, $"tick {later.Tick} after {first.Tick}");
    }
}
