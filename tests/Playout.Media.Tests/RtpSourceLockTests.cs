using Playout.Media.Rtp;

namespace Playout.Media.Tests;

/// <summary>The sender a receiver takes: the first heard, kept while it sends, another's packets set aside and counted, a
/// new one taken once the first has been silent longer than the release time.</summary>
public class RtpSourceLockTests
{
    private static byte[] Packet(uint ssrc)
    {
        var packet = new byte[RtpHeader.Bytes + 4];
        RtpHeader.Write(packet, 96, false, 1, 0, ssrc);
        return packet;
    }

    [Fact]
    public void The_first_sender_is_kept_and_another_set_aside_until_the_first_has_been_silent_too_long()
    {
        var senders = new RtpSourceLock(releaseTicks: 100);
        Assert.Null(senders.Source);
        Assert.True(senders.Accept(Packet(7), now: 0));
        Assert.False(senders.Accept(Packet(8), now: 50));
        Assert.True(senders.Accept(Packet(7), now: 90));
        Assert.False(senders.Accept(Packet(8), now: 190));
        Assert.Equal((7u, 8u, 2L), (senders.Source!.Value, senders.LastForeign!.Value, senders.Foreign));
        // Silent from 90 to 191: sender 8 is taken, and 7 is now the other one.
        Assert.True(senders.Accept(Packet(8), now: 191));
        Assert.False(senders.Accept(Packet(7), now: 192));
        Assert.Equal((8u, 7u, 3L), (senders.Source!.Value, senders.LastForeign!.Value, senders.Foreign));
        // Too short to be RTP, or not version 2: passed on for the depacketizer to set aside with its reason.
        Assert.True(senders.Accept(new byte[5], now: 193));
        var version1 = Packet(9);
        version1[0] = 0x40;
        Assert.True(senders.Accept(version1, now: 194));
        Assert.Equal(3L, senders.Foreign);
    }

    [Fact]
    public void The_sender_an_sdp_names_is_the_only_one_taken_however_long_it_is_silent()
    {
        var senders = new RtpSourceLock(releaseTicks: 100, expected: 9);
        Assert.Equal(9u, senders.Source);
        Assert.False(senders.Accept(Packet(7), now: 0));
        Assert.False(senders.Accept(Packet(7), now: 1000));
        Assert.True(senders.Accept(Packet(9), now: 1001));
        Assert.Equal(2L, senders.Foreign);
    }
}
