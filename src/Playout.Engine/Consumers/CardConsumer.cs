using Playout.Engine.Devices;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// Plays the programme out of one card output; the card keeps the frames until they are scanned out. An output that
/// reports a fault, or has played nothing for a second of frames sent to it (a card that stopped), fails its send, so
/// the channel raises the output's alarm (and clears it when the card plays again) while the other outputs go on.
/// </summary>
public sealed class CardConsumer(IVideoCard card, int output) : IConsumer
{
    private readonly ICardOutput _output = card.Outputs[output];
    private readonly long _stallFrames = (long)Math.Ceiling(card.Format.FrameRate.ToDouble());
    private long _sent, _played, _sentWhenPlayed;

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
        if (_output.Fault is { } fault)
            throw new IOException(fault);
        _output.Send(video, audio);
        long sent = Interlocked.Increment(ref _sent);
        long played = _output.Counters.FramesPlayed;
        if (played != _played)
            (_played, _sentWhenPlayed) = (played, sent);
        else if (sent - _sentWhenPlayed > _stallFrames)
            throw new IOException("the card has played no frame for a second of frames sent to it");
    }

    public void Dispose()
    {
    }
}
