namespace Playout.HwSim;

/// <summary>Faults a simulated card can be told to show, as a real one would in the field.</summary>
public enum CardFault
{
    /// <summary>House reference lost: the card stops delivering vertical syncs to the channel (its outputs keep scanning out on its free-running clock).</summary>
    ReferenceLoss,

    /// <summary>Nothing valid at an input connector: capture delivers no frames.</summary>
    InputLoss,

    /// <summary>Each frame sent while active reaches the card one slot late (a slow DMA): it is played a slot later and counted late.</summary>
    LateDma,

    /// <summary>Frames sent while active are lost before the card (a failed DMA): the slot repeats the last frame, counted as an underrun.</summary>
    Underrun,
}
