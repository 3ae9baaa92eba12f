namespace Playout.Media.Rtp;

/// <summary>Why a receiver set a datagram aside rather than use it.</summary>
public enum RtpPacketProblem
{
    None,

    /// <summary>Shorter than its headers, or not RTP version 2.</summary>
    NotRtp,

    /// <summary>RTP of another payload type than the flow's.</summary>
    OtherPayloadType,

    /// <summary>Headers that point outside the picture or the packet, or a payload that is not whole samples.</summary>
    Malformed,
}
