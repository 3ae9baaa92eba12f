using Playout.Engine.Producers.Clips;

namespace Playout.Engine.Tests;

public class AudioRingTests
{
    private const int Channels = 2;

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1920)]
    public void Sound_arriving_just_after_the_tick_that_wanted_it_is_dropped_by_a_clip_and_played_by_a_live_input(bool owes, int heard)
    {
        var ring = new AudioRing(Channels, 24000, owes);
        var tick = new float[1920 * Channels];
        var sound = Enumerable.Repeat(0.5f, 1920 * Channels).ToArray();
        // Each tick finds the ring empty, and the tick's sound comes just after it.
        int played = 0;
        for (int i = 0; i < 5; i++)
        {
            played = ring.Take(tick, Channels);
            ring.Append(sound, 0, 0);
        }
        Assert.Equal(heard, played);
    }

    [Fact]
    public void A_live_input_skips_only_the_sound_it_has()
    {
        var ring = new AudioRing(Channels, 24000, owes: false);
        ring.Skip(1920);
        ring.Append(Enumerable.Repeat(0.5f, 960 * Channels).ToArray(), 0, 0);
        Assert.Equal(960, ring.Take(new float[1920 * Channels], Channels));
    }
}
