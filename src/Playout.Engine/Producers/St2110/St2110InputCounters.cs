namespace Playout.Engine.Producers.St2110;

/// <summary>What an ST 2110 input has received since it was created.</summary>
/// <param name="IncompleteFrames">Frames shown with lines lost (those lines kept the frame before's pixels).</param>
/// <param name="SetAside">Datagrams not used: not RTP, another payload type, malformed, or too late.</param>
/// <param name="AudioUnderruns">Ticks whose sound was partly silence because too little had arrived.</param>
/// <param name="Foreign">Packets of another sender (SSRC) than the one taken, set aside.</param>
public sealed record St2110InputCounters(long Frames, long IncompleteFrames, long VideoPackets, long VideoLost, long VideoReordered,
    long AudioPackets, long AudioLost, long AudioReordered, long AudioUnderruns, long SetAside, long Foreign);
