using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// Every ST 2110 output's SDP follows what the channel's clock follows: when PTP locks to a grandmaster (or loses lock)
/// the served description names the new reference at once and its file is written again within the refresh interval.
/// </summary>
public class FlowSdpTests
{
    [Theory]
    [InlineData("st2110", "1080i50")]
    [InlineData("st2110-audio", "720p59.94")]
    [InlineData("st2110-anc", "1080p25")]
    public async Task The_sdp_names_the_clocks_new_reference_when_it_changes(string type, string format)
    {
        using var folder = new TempDirectory();
        var clock = new ReferenceOnlyClock();
        using var context = new ChannelContext("c", VideoFormats.Parse(format), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance)) { Clock = clock };
        string path = folder.File("flow.sdp");
        using var output = (IConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer(type, new ConsumerRequest(context,
            ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With("sdp", path)));
        var flow = (ISdpFlow)output;
        Assert.Contains("a=ts-refclk:local\r\n", File.ReadAllText(path));

        const string locked = "ptp=IEEE1588-2008:08-00-11-FF-FE-21-E1-B0:127";
        clock.Reference = locked;
        Assert.Contains($"a=ts-refclk:{locked}\r\n", flow.Sdp);
        await Until(() => File.ReadAllText(path).Contains($"a=ts-refclk:{locked}\r\n", StringComparison.Ordinal));
        Assert.Equal(flow.Sdp, File.ReadAllText(path));

        // Lock lost: local again, in both.
        clock.Reference = "local";
        await Until(() => File.ReadAllText(path).Contains("a=ts-refclk:local\r\n", StringComparison.Ordinal));
        Assert.Equal(flow.Sdp, File.ReadAllText(path));
    }

    private static async Task Until(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < FlowSdp.Interval * 5, "the SDP file was not written again");
            await Task.Delay(50);
        }
    }

    /// <summary>A clock that only says what it follows (the outputs here are never ticked).</summary>
    private sealed class ReferenceOnlyClock : IChannelClock
    {
        public volatile string Reference = "local";

        public string Source => "test";
        public bool IsLocked => Reference != "local";
        public long LateTicks => 0;
        public DateTimeOffset Epoch => DateTimeOffset.UnixEpoch;
        public string ReferenceClock => Reference;

        public ClockTick WaitNextTick() => throw new NotSupportedException("never ticked");

        public void Dispose()
        {
        }
    }
}
