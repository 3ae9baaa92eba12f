namespace Playout.Engine.Channels;

/// <summary>Ways a channel stays on air at reduced quality rather than stall: each is counted and alarmed.</summary>
public enum DegradationKind
{
    /// <summary>The video pool had no frame to composite into: layers above the base picture were left out.</summary>
    LayersDropped,

    /// <summary>The audio pool had no frame to mix into: the tick went out silent.</summary>
    AudioSilenced,

    /// <summary>The video pool had no frame for a transition: the new picture cut in instead.</summary>
    TransitionCut,
}
