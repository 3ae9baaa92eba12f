using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Producers;
using Playout.Media.Formats;

namespace Playout.Engine.Tests;

/// <summary>A channel on an unthrottled clock with a recording consumer, run tick by tick on the test thread.</summary>
internal sealed class TestChannel : IDisposable
{
    public TestChannel(string format = "576i50", int videoFrames = 24, int audioFrames = 32, string fillerColor = "black")
    {
        Alarms = new AlarmBoard(NullLogger.Instance);
        Context = new ChannelContext("channel 1", VideoFormats.Parse(format), videoFrames, audioFrames, NullLogger.Instance, Alarms);
        Channel = new Channel(Context, new UnthrottledClock(Context.Format.FrameRate), SyntheticProducers.Color(Context, fillerColor));
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
