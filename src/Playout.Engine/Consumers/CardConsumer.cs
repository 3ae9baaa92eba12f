using Playout.Engine.Devices;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>Plays the programme out of one card output; the card keeps the frames until they are scanned out.</summary>
public sealed class CardConsumer(IVideoCard card, int output) : IConsumer
{
    private readonly ICardOutput _output = card.Outputs[output];
    private long _sent;

    public string Name { get; } = $"{card.Name} output {output}";

    /// <summary>The card queues the frame for its output slot and returns (<see cref="ICardOutput.Send"/>).</summary>
    public bool NeverBlocks => true;

    public ConsumerCounters Counters
    {
        get
        {
            var card = _output.Counters;
            return new ConsumerCounters(Interlocked.Read(ref _sent), card.LateFrames, card.Underruns);
        }
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        _output.Send(video, audio);
        Interlocked.Increment(ref _sent);
    }

    public void Dispose()
    {
    }
}
