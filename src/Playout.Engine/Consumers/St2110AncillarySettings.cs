using System.Net;

namespace Playout.Engine.Consumers;

/// <summary>An ST 2110-40 output's settings: where to send, the RTP identity, and where to write its SDP.</summary>
public sealed record St2110AncillarySettings(IPEndPoint Destination, uint Ssrc, byte PayloadType = 100, int Ttl = 64, string? SdpPath = null)
{
    /// <summary>Carry the schedule's splices as SCTE 104 messages (ST 2010) beside the time code.</summary>
    public bool Scte35 { get; init; }

    /// <summary>The zone whose time of day the time code counts (the station's, in the service); UTC by default.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}
