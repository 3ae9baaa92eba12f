using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.HwSim;
using Playout.Media.Formats;

namespace Playout.Engine.Tests;

/// <summary>
/// A channel playing out to a simulated card, as on air: by default unthrottled with the card scanning out each
/// frame as it arrives, so tests run as fast as the machine goes and every tick is one recorded slot. Unthrottled
/// ticks give producers up to <see cref="Patience"/> to deliver, so a busy test machine never turns decode time into
/// filler in a test of frame accuracy; lateness is tested on real-time clocks.
/// </summary>
internal sealed class CardChannel : IDisposable
{
    public CardChannel(string format = "576i50", SimulatedCardOptions? card = null, Func<CardChannel, IChannelClock>? clock = null,
        string filler = "black", int videoFrames = 48)
    {
        Alarms = new AlarmBoard(NullLogger.Instance);
        Context = new ChannelContext("channel 1", VideoFormats.Parse(format), videoFrames, videoFrames * 2, NullLogger.Instance, Alarms);
        Card = new SimulatedCard(Context.Format, card ?? new SimulatedCardOptions(Timing: CardTiming.OnSend));
        Channel = new Channel(Context, clock?.Invoke(this) ?? new UnthrottledClock(Context.Format.FrameRate, Patience), SyntheticProducers.Color(Context, filler));
        Channel.AddConsumer(new CardConsumer(Card, 0));
    }

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public AlarmBoard Alarms { get; }
    public ChannelContext Context { get; }
    public SimulatedCard Card { get; }
    public Channel Channel { get; }
    public SimulatedOutput Output => Card.SimulatedOutputs[0];

    /// <summary>Records, for every slot the card plays, the <see cref="TestMedia.IndexedClip"/> value at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public List<int> RecordValues(int x, int y)
    {
        var values = new List<int>();
        Output.OnScanOut = (_, video, _) => values.Add(TestMedia.LumaToValue(Pixels.Luma(video, x, y)));
        return values;
    }

    /// <summary>Waits until a producer has its first frame ready (pre-rolled), as a take on air expects; returns it.</summary>
    public static T Preroll<T>(T producer) where T : Producer
    {
        Assert.True(SpinWait.SpinUntil(() => producer.IsReady, TimeSpan.FromSeconds(20)), $"{producer} did not pre-roll");
        return producer;
    }

    public void Dispose()
    {
        Channel.Dispose();
        Card.Dispose();
        Assert.Equal(0, Context.VideoPool.Outstanding);
        Assert.Equal(0, Context.AudioPool.Outstanding);
        Context.Dispose();
    }
}
