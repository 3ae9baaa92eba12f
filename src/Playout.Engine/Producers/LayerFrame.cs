using Playout.Media.Audio;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>
/// What a layer shows on one tick: a full v210 picture (<see cref="Video"/>), or graphics to key over the
/// layers below (<see cref="Overlay"/>), or neither; and its sound, or none (silence). The frames carry one
/// reference each, owned by whoever holds this value; <see cref="Release"/> gives them back.
/// </summary>
public readonly record struct LayerFrame(Frame? Video, KeyedOverlay? Overlay, AudioFrame? Audio)
{
    public bool IsEmpty => Video is null && Overlay is null && Audio is null;

    public void Release()
    {
        Video?.Release();
        Audio?.Release();
    }

    /// <summary>A second handle on the same frames (each gains a reference).</summary>
    public LayerFrame Share() => new(Video?.AddRef(), Overlay, Audio?.AddRef());
}
