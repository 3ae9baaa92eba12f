using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Stage;

/// <summary>One source of sound in a layer's output, with its gain ramping linearly across the tick's samples.</summary>
public readonly record struct AudioPart(AudioFrame? Frame, float GainStart, float GainEnd)
{
    public bool IsUnity => GainStart == 1 && GainEnd == 1;
}

/// <summary>
/// A layer's contribution to one tick, handed to the mixer: a picture (<see cref="Video"/> or
/// <see cref="Overlay"/>) with opacity and placement, and up to two sounds (two during a transition).
/// Frames carry one reference each, released by <see cref="Release"/>.
/// </summary>
public readonly record struct LayerOutput(
    Frame? Video, KeyedOverlay? Overlay, double Opacity, PictureTransform Transform,
    AudioPart Audio, AudioPart SecondAudio, int[] ChannelMap)
{
    /// <summary>
    /// The layer made <see cref="Video"/> for this tick alone (a transition's mix) and holds its only reference: the mixer
    /// may take that reference over and draw the layers above straight into it, instead of copying it into a new frame.
    /// </summary>
    public bool Exclusive { get; init; }

    public static LayerOutput From(in LayerFrame frame, double opacity, PictureTransform transform, AudioPart audio, int[] channelMap) =>
        new(frame.Video, frame.Overlay, opacity, transform, audio, default, channelMap);

    public void Release()
    {
        Video?.Release();
        Audio.Frame?.Release();
        SecondAudio.Frame?.Release();
    }
}
