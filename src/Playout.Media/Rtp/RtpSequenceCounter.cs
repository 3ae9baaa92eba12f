namespace Playout.Media.Rtp;

/// <summary>
/// Counts a flow's packets by their sequence numbers: lost (a gap not filled later), reordered (a packet arriving after one
/// sent later) and the sender's restarts (a jump too far to be loss or reordering). Numbers are 16- or 32-bit.
/// </summary>
public sealed class RtpSequenceCounter(int bits)
{
    /// <summary>A jump further than this either way is a new sequence (the sender restarted), not loss or reordering.</summary>
    private const int Restart = 3000;

    private readonly uint _mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
    private readonly int _shift = 32 - bits;
    private uint _expected;
    private bool _started;

    public long Received { get; private set; }
    public long Lost { get; private set; }
    public long Reordered { get; private set; }
    public long Restarts { get; private set; }

    /// <summary>Counts one packet; returns false when it came after a later one (late: reordered).</summary>
    public bool Count(uint sequence)
    {
        Received++;
        // The distance from the expected number as a signed value of the sequence's width.
        int distance = (int)(((sequence - _expected) & _mask) << _shift) >> _shift;
        if (!_started || Math.Abs(distance) > Restart)
        {
            Restarts += _started ? 1 : 0;
            (_started, _expected) = (true, (sequence + 1) & _mask);
            return true;
        }
        if (distance >= 0)
        {
            Lost += distance;
            _expected = (sequence + 1) & _mask;
            return true;
        }
        // A late packet fills a gap counted as lost.
        Reordered++;
        Lost = Math.Max(0, Lost - 1);
        return false;
    }
}
