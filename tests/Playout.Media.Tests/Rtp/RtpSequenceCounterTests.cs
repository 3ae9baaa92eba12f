using Playout.Media.Rtp;

namespace Playout.Media.Tests.Rtp;

/// <summary>A model: packets sent in order, some dropped and some swapped with the next on the way; the counter finds both.</summary>
public class RtpSequenceCounterTests
{
    [Theory]
    [InlineData(16, 65_000u, 1)]
    [InlineData(16, 0u, 2)]
    [InlineData(32, uint.MaxValue - 5000, 3)]
    [InlineData(32, 7u, 4)]
    public void Lost_and_reordered_packets_are_counted_across_the_wrap(int bits, uint first, int seed)
    {
        var random = new Random(seed);
        uint mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        var arriving = new List<uint>();
        int dropped = 0;
        for (uint n = 0; n < 20_000; n++)
        {
            // Never the first packet, nor two in a row: a dropped packet is a gap between two that arrive.
            if (n > 0 && random.NextDouble() < 0.01 && (arriving.Count == 0 || arriving[^1] == ((first + n - 1) & mask)))
                dropped++;
            else
                arriving.Add((first + n) & mask);
        }
        int swapped = 0;
        for (int i = 1; i + 2 < arriving.Count; i += 3)
            if (random.NextDouble() < 0.01 && ((arriving[i + 1] - arriving[i]) & mask) == 1)
            {
                (arriving[i], arriving[i + 1]) = (arriving[i + 1], arriving[i]);
                swapped++;
            }
        var counter = new RtpSequenceCounter(bits);
        foreach (var sequence in arriving)
            counter.Count(sequence);
        Assert.True(dropped > 100 && swapped > 30, $"{dropped} dropped, {swapped} swapped");
        Assert.Equal((arriving.Count, dropped, swapped, 0L), (counter.Received, counter.Lost, counter.Reordered, counter.Restarts));
    }

    [Fact]
    public void A_jump_too_far_to_be_loss_is_the_sender_starting_again()
    {
        var counter = new RtpSequenceCounter(16);
        foreach (uint sequence in new uint[] { 100, 101, 102, 40_000, 40_001, 40_003 })
            counter.Count(sequence);
        Assert.Equal((1L, 1L, 0L), (counter.Restarts, counter.Lost, counter.Reordered));
    }
}
