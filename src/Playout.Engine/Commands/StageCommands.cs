using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Stage;

namespace Playout.Engine.Commands;

/// <summary>The commands operators and automation send to a channel's layers.</summary>
public static class StageCommands
{
    /// <summary>Puts <paramref name="producer"/> on air on <paramref name="layer"/> at once (a cut).</summary>
    public static ChannelCommand Load(int layer, Producer producer, long? atTick = null) =>
        new($"load {producer.Name} on layer {layer}", stage => stage[layer].Load(producer), atTick, producer) { Layer = layer };

    /// <summary>
    /// Pre-rolls <paramref name="producer"/> behind layer <paramref name="layer"/>'s foreground, to be taken with
    /// <paramref name="transition"/>; with <paramref name="autoTake"/> it goes on air by itself as the foreground ends.
    /// </summary>
    public static ChannelCommand LoadBackground(int layer, Producer producer, long? atTick = null, Transition? transition = null, bool autoTake = false) =>
        new($"load {producer.Name} in the background of layer {layer}{(autoTake ? " to follow by itself" : "")}",
            stage => stage[layer].LoadBackground(producer, transition, autoTake), atTick, producer) { Layer = layer };

    /// <summary>Takes layer <paramref name="layer"/>'s background with the transition it was loaded with (or resumes its foreground).</summary>
    public static ChannelCommand TakeAsLoaded(int layer, long? atTick = null) =>
        new($"take layer {layer} as loaded", stage => stage[layer].TakeAsLoaded(), atTick) { Layer = layer };

    /// <summary>Takes layer <paramref name="layer"/>'s background to air (or resumes its foreground).</summary>
    public static ChannelCommand Take(int layer, Transition transition, long? atTick = null) =>
        new($"take layer {layer} ({transition})", stage => stage[layer].Take(transition), atTick) { Layer = layer };

    public static ChannelCommand Pause(int layer, long? atTick = null) =>
        new($"pause layer {layer}", stage => stage[layer].Pause(), atTick) { Layer = layer };

    public static ChannelCommand Play(int layer, long? atTick = null) =>
        new($"play layer {layer}", stage => stage[layer].Play(), atTick) { Layer = layer };

    /// <summary>Restarts layer <paramref name="layer"/>'s clip at <paramref name="position"/> in its file.</summary>
    public static ChannelCommand Seek(int layer, TimeSpan position, long? atTick = null) =>
        new($"seek layer {layer} to {position}", stage =>
        {
            if (stage[layer].Foreground is not ClipProducer clip)
                throw new InvalidOperationException($"layer {layer} plays no clip to seek in");
            clip.Seek(position);
        }, atTick) { Layer = layer };

    /// <summary>Makes layer <paramref name="layer"/>'s clip loop, or stop looping.</summary>
    public static ChannelCommand Loop(int layer, bool loop, long? atTick = null) =>
        new($"{(loop ? "loop" : "do not loop")} layer {layer}", stage =>
        {
            if (stage[layer].Foreground is not ClipProducer clip)
                throw new InvalidOperationException($"layer {layer} plays no clip to loop");
            clip.SetLoop(loop);
        }, atTick) { Layer = layer };

    /// <summary>Swaps what layers <paramref name="layer"/> and <paramref name="other"/> play (with <paramref name="transforms"/>, also their mixer settings).</summary>
    public static ChannelCommand Swap(int layer, int other, bool transforms, long? atTick = null) =>
        new($"swap layers {layer} and {other}{(transforms ? " with their transforms" : "")}", stage => stage[layer].Swap(stage[other], transforms), atTick) { Layer = layer };

    public static ChannelCommand Stop(int layer, long? atTick = null) =>
        new($"stop layer {layer}", stage => stage[layer].Stop(), atTick) { Layer = layer };

    /// <summary>Ramps layer <paramref name="layer"/>'s gain to <paramref name="gain"/> (linear) over <paramref name="frames"/> ticks.</summary>
    public static ChannelCommand Volume(int layer, double gain, int frames = 0, long? atTick = null) =>
        new($"volume {gain:0.###} over {frames} frames on layer {layer}", stage => stage[layer].SetVolume(gain, frames), atTick) { Layer = layer };

    /// <summary>Ramps layer <paramref name="layer"/>'s opacity to <paramref name="opacity"/> (0..1) over <paramref name="frames"/> ticks (0: at once).</summary>
    public static ChannelCommand Opacity(int layer, double opacity, long? atTick = null, int frames = 0) =>
        new($"opacity {opacity:0.###}{(frames > 0 ? $" over {frames} frames" : "")} on layer {layer}", stage => stage[layer].SetOpacity(opacity, frames), atTick) { Layer = layer };

    public static ChannelCommand Transform(int layer, PictureTransform transform, long? atTick = null) =>
        new($"transform {transform} on layer {layer}", stage => stage[layer].SetTransform(transform), atTick) { Layer = layer };

    /// <summary>Shows layer <paramref name="layer"/> alone (null: every layer again), from the tick it applies on.</summary>
    public static ChannelCommand Cover(int? layer, long? atTick = null) =>
        new(layer is int l ? $"show layer {l} alone" : "show every layer", stage => stage.Cover = layer, atTick);

    /// <summary>Shows or hides <paramref name="layers"/> (graphics on or off), from the tick it applies on.</summary>
    public static ChannelCommand Show(IReadOnlyList<int> layers, bool shown, long? atTick = null) =>
        new($"{(shown ? "show" : "hide")} layers {string.Join(", ", layers)}", stage =>
        {
            foreach (int layer in layers)
                stage.Show(layer, shown);
        }, atTick);

    public static ChannelCommand ChannelMap(int layer, int[] map, long? atTick = null) =>
        new($"channel map on layer {layer}", stage => stage[layer].SetChannelMap(map), atTick) { Layer = layer };
}
