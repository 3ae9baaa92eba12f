using System.Net;

namespace Playout.Engine.Consumers;

/// <summary>An ST 2110-30 output's settings: where to send, how many of the programme's channels, the packet time, the RTP
/// identity, and where to write its SDP.</summary>
/// <param name="Channels">The programme's first channels the flow carries: 1 to 16.</param>
/// <param name="PacketMicroseconds">1000 (1 ms, every ST 2110-30 receiver's) or 125.</param>
public sealed record St2110AudioSettings(IPEndPoint Destination, uint Ssrc, int Channels = 2, int PacketMicroseconds = 1000,
    byte PayloadType = 97, int Ttl = 64, string? SdpPath = null);
