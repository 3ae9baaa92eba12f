using System.Net;

namespace Playout.Engine.Consumers;

/// <summary>An ST 2110-30 output's settings: where to send, which of the programme's channels, the packet time, the RTP
/// identity, and where to write its SDP.</summary>
/// <param name="Channels">How many of the programme's channels the flow carries, from <see cref="FirstChannel"/> on: 1 to 16.</param>
/// <param name="PacketMicroseconds">1000 (1 ms, every ST 2110-30 receiver's) or 125.</param>
public sealed record St2110AudioSettings(IPEndPoint Destination, uint Ssrc, int Channels = 2, int PacketMicroseconds = 1000,
    byte PayloadType = 97, int Ttl = 64, string? SdpPath = null)
{
    /// <summary>The programme's channel (from 1) the flow's first channel is: 3 sends a second stereo pair as channels 3 and 4.</summary>
    public int FirstChannel { get; init; } = 1;
}
