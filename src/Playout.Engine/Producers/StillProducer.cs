using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>
/// Shows one prepared picture for ever: a colour field, bars, a slate or a keyed graphic. Each tick hands
/// out another reference to the same frame, so it costs nothing per tick; a generator may add sound.
/// </summary>
public class StillProducer : Producer
{
    private readonly Frame? _video;
    private readonly KeyedOverlay? _overlay;
    private readonly ToneGenerator? _tone;

    /// <param name="video">A committed frame the producer now owns (one reference), or null for a graphic.</param>
    public StillProducer(string name, Frame? video, KeyedOverlay? overlay = null, ToneGenerator? tone = null) : base(name)
    {
        if ((video is null) == (overlay is null))
            throw new ArgumentException("a still shows either a video frame or a keyed overlay");
        _video = video;
        _overlay = overlay;
        _tone = tone;
    }

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        frame = new LayerFrame(_video?.AddRef(), _overlay, _tone?.Next(context.AudioSamples));
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _video?.Release();
    }
}
