using System.Net;
using Playout.Media.Rtp;

namespace Playout.Engine.Consumers;

/// <summary>An ST 2110-20 output's settings: where to send, the packet size and RTP identity, where to write its SDP, and
/// the ST 2110-21 sender type it keeps to.</summary>
public sealed record St2110Settings(IPEndPoint Destination, uint Ssrc, byte PayloadType = 96,
    int PacketBytes = Rfc4175Packetizer.DefaultPacketBytes, int Ttl = 64, string? SdpPath = null, St2110Pacing Pacing = St2110Pacing.Wide)
{
    /// <summary>A destination as configured: an address and a port above 0.</summary>
    public static bool TryParseDestination(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPEndPoint? destination) =>
        IPEndPoint.TryParse(value ?? "", out destination) && destination.Port > 0;
}
