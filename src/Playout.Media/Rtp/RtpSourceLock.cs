using System.Buffers.Binary;

namespace Playout.Media.Rtp;

/// <summary>
/// Which sender a receiver takes a flow from: the SSRC its SDP names (<paramref name="expected"/>), always; else the first
/// synchronisation source (SSRC) heard, for as long as it keeps sending. Packets of another SSRC on the same address and port (a second sender put on the group by mistake) are set
/// aside, so they neither reach the picture nor count as loss. A locked sender silent for <paramref name="releaseTicks"/>
/// is taken as gone (a restarted sender usually comes back with a new SSRC), and the next one heard is taken, unless the
/// SDP named it. Single-threaded: the receiving thread's.
/// </summary>
/// <param name="releaseTicks">How long, in <see cref="System.Diagnostics.Stopwatch"/> ticks, a locked sender may be silent.</param>
public sealed class RtpSourceLock(long releaseTicks, uint? expected = null)
{
    private readonly bool _named = expected is not null;
    private long _lastHeard;
    private long _foreign;

    /// <summary>The SSRC taken, or null before the first packet.</summary>
    public uint? Source { get; private set; } = expected;

    /// <summary>The SSRC of the last packet set aside, or null.</summary>
    public uint? LastForeign { get; private set; }

    /// <summary>Packets set aside as another sender's. Any thread.</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    /// <summary>Whether a packet is the taken sender's, at <paramref name="now"/>; a datagram that is not RTP version 2 is passed on.</summary>
    public bool Accept(ReadOnlySpan<byte> packet, long now)
    {
        if (packet.Length < RtpHeader.Bytes || packet[0] >> 6 != 2)
            return true; // Not RTP: the depacketizer sets it aside with its reason.
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        if (Source is not { } taken || !_named && ssrc != taken && now - _lastHeard > releaseTicks)
            Source = ssrc;
        if (ssrc != Source)
        {
            LastForeign = ssrc;
            Interlocked.Increment(ref _foreign);
            return false;
        }
        _lastHeard = now;
        return true;
    }
}
