using Playout.Engine.Channels;
using Playout.Engine.Devices;

namespace Playout.Engine.Producers;

/// <summary>
/// A live input of a capture card: each tick shows the newest frame the card has captured (DMA'd into the
/// channel's pool; nothing is copied). When the input loses its signal the producer fails until it returns,
/// so the layer shows the filler and raises an alarm. The producer runs the input: it starts capturing into the
/// channel's pools when created and stops when disposed, so one producer at a time uses an input.
/// </summary>
public sealed class CardInputProducer : Producer
{
    private readonly ICardInput _input;

    public CardInputProducer(ChannelContext channel, IVideoCard card, int input) : base($"{card.Name} input {input}")
    {
        _input = card.Inputs[input];
        _input.Start(channel.VideoPool, channel.AudioPool);
    }

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        if (_input.HasSignal && _input.TryCapture(out var video, out var audio))
        {
            Failure = null;
            frame = new LayerFrame(video, null, audio);
            return true;
        }
        Failure = _input.HasSignal ? "no frame captured yet" : "input signal lost";
        frame = default;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _input.Stop();
    }
}
