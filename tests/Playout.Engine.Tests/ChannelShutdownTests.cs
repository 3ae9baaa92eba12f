using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Media.Formats;

namespace Playout.Engine.Tests;

/// <summary>Shutdown never throws: a frame leaked by a bug is logged with its count, and the channel's pools still close.</summary>
public class ChannelShutdownTests
{
    [Fact]
    public void Frames_still_out_at_shutdown_are_logged_with_their_count_never_thrown()
    {
        var log = new LinesLogger();
        var alarms = new AlarmBoard(log);
        var context = new ChannelContext("leaky", VideoFormats.Parse("720p50"), 8, 16, log, alarms);
        var channel = new Channel(context, new UnthrottledClock(context.Format.FrameRate), SyntheticProducers.Color(context, "black"));
        channel.Execute(StageCommands.Load(1, SyntheticProducers.Color(context, "white")));
        channel.RunTicks(3);
        // A bug's leak: two frames taken and never given back.
        var leaked = new[] { context.VideoPool.Rent(), context.VideoPool.Rent() };

        channel.Dispose();
        context.Dispose();
        alarms.Dispose();

        Assert.Contains(log.Lines, l => l == "leaky: 2 video frame(s) still outstanding at shutdown (a leak); freed when released");
        Assert.Equal(2, context.VideoPool.Outstanding);
        foreach (var frame in leaked)
            frame.Release();
        Assert.Equal(0, context.VideoPool.Outstanding);
    }
}
