namespace Playout.HwSim.Encoder;

/// <summary>How the encoder twin listens (loopback; port 0 picks one) and names itself.</summary>
public sealed record EncoderTwinOptions
{
    public int Port { get; init; }
    public string Community { get; init; } = "public";
    public string? WriteCommunity { get; init; } = "private";
    public string Description { get; init; } = "Playout encoder twin H.264";
}
