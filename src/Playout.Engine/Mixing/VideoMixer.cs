using Playout.Engine.Channels;
using Playout.Engine.Stage;
using Playout.Media.Frames;

namespace Playout.Engine.Mixing;

/// <summary>
/// Composites the layers' pictures bottom to top into the programme frame. An opaque full-frame picture
/// replaces everything below it, so the common cases pass over the frame at most once: a single clip goes out
/// as the producer's own frame (no copy), and a clip under keyed graphics is keyed straight into a new frame.
/// A mix that finds the pool empty sends the base picture without the layers above it (counted in
/// <paramref name="degradation"/>, which alarms), never nothing.
/// </summary>
public sealed class VideoMixer(FramePool pool, V210Compositor compositor, Frame black, ChannelDegradation degradation)
{
    /// <summary>
    /// The programme picture, holding one reference for the caller. A base picture the layer made for this tick alone
    /// (<see cref="LayerOutput.Exclusive"/>) is taken over (its entry in <paramref name="layers"/> loses the frame) and
    /// drawn on in place.
    /// </summary>
    public Frame Mix(Span<LayerOutput> layers, long tick)
    {
        // Start from the topmost opaque full-frame picture: nothing under it can show.
        int first = 0;
        for (int i = layers.Length - 1; i >= 0; i--)
        {
            if (layers[i].Video is not null && layers[i].Opacity >= 1 && layers[i].Transform.IsFullFrame)
            {
                first = i;
                break;
            }
        }
        Frame current;
        bool owned = false;
        if (first < layers.Length && layers[first].Video is { } opaque && layers[first].Opacity >= 1 && layers[first].Transform.IsFullFrame)
        {
            if (layers[first].Exclusive)
            {
                // Its one reference becomes the mixer's: re-opened for writing without a copy.
                layers[first] = layers[first] with { Video = null, Exclusive = false };
                current = opaque.MakeWritable();
                owned = true;
            }
            else
                current = opaque.AddRef();
        }
        else
            current = black.AddRef();
        for (int i = first; i < layers.Length; i++)
        {
            ref readonly var layer = ref layers[i];
            if (ReferenceEquals(layer.Video, current) || layer.Opacity <= 0 || (layer.Video is null && layer.Overlay is null))
                continue;
            if (!owned)
            {
                if (!pool.TryRent(out var target))
                {
                    degradation.Report(DegradationKind.LayersDropped, "video pool exhausted: layers left out of the programme");
                    break;
                }
                try
                {
                    Draw(layer, current, target);
                }
                catch
                {
                    target.Release();
                    current.Release();
                    throw;
                }
                current.Release();
                current = target;
                owned = true;
            }
            else
            {
                try
                {
                    Draw(layer, current, current);
                }
                catch
                {
                    current.Release();
                    throw;
                }
            }
        }
        if (owned)
        {
            current.Metadata = new FrameMetadata(tick);
            current.Commit();
        }
        return current;
    }

    /// <summary>Draws one layer over <paramref name="under"/> into <paramref name="target"/> (which may be <paramref name="under"/>).</summary>
    private void Draw(in LayerOutput layer, Frame under, Frame target)
    {
        if (layer.Overlay is { } overlay)
        {
            compositor.Key(under, overlay, target, layer.Opacity);
            return;
        }
        var video = layer.Video!;
        if (layer.Transform.IsFullFrame)
        {
            compositor.Dissolve(under, video, target, layer.Opacity);
            return;
        }
        if (!ReferenceEquals(under, target))
        {
            // The one copy a mix makes: a placed picture needs the whole picture under it in the frame it draws on.
            compositor.Copy(under, target);
            pool.CountCopy();
        }
        compositor.Place(video, target, layer.Transform, layer.Opacity);
    }
}
