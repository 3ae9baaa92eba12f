using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Producers;
using Playout.Media.Formats;

namespace Playout.Engine.Tests;

/// <summary>
/// A channel with a recording consumer: on an unthrottled clock, run tick by tick on the test thread, or with
/// <c>realTime</c> on the system clock, for tests that start it and measure its rate.
/// </summary>
internal sealed class TestChannel : IDisposable
{
    public TestChannel(string format = "576i50", int videoFrames = 24, int audioFrames = 32, string fillerColor = "black",
        ILogger? logger = null, bool realTime = false)
    {
        logger ??= NullLogger.Instance;
        Alarms = new AlarmBoard(logger);
        Context = new ChannelContext("channel 1", VideoFormats.Parse(format), videoFrames, audioFrames, logger, Alarms);
        IChannelClock clock = realTime ? new SystemClock(Context.Format.FrameRate) : new UnthrottledClock(Context.Format.FrameRate);
        Channel = new Channel(Context, clock, SyntheticProducers.Color(Context, fillerColor));
        Recorder = new RecordingConsumer();
        Channel.AddConsumer(Recorder);
    }

    public AlarmBoard Alarms { get; }
    public ChannelContext Context { get; }
    public Channel Channel { get; }
    public RecordingConsumer Recorder { get; }

    public void Dispose()
    {
        Channel.Dispose();
        Assert.Equal(0, Context.VideoPool.Outstanding);
        Assert.Equal(0, Context.AudioPool.Outstanding);
        Context.Dispose();
    }
}
