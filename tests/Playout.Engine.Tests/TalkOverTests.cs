using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Engine.Tests;

/// <summary>
/// Talk-over in a running channel: music (tone on channels 1 and 2, layer 10) comes down by the rule's depth within its
/// attack once the key layer (tone routed to channel 3, layer 20) talks, stays down through the hold after the key stops,
/// and comes back over the release; the key itself and the layers not named are not touched.
/// </summary>
public class TalkOverTests
{
    [Fact]
    public void Music_ducks_under_the_key_within_the_attack_holds_then_comes_back_over_the_release()
    {
        using var test = new TestChannel("1080i50");
        test.Context.TalkOver = [new TalkOverSettings(Key: 20, Ducked: [10], DepthDb: -12, ThresholdDb: -40)
        {
            Attack = TimeSpan.FromMilliseconds(100),
            Hold = TimeSpan.FromMilliseconds(500),
            Release = TimeSpan.FromMilliseconds(800),
        }];
        var music = new List<double>();
        var key = new List<double>();
        test.Recorder.Inspect = (_, audio) =>
        {
            music.Add(PeakDb(audio.Samples, 0));
            key.Add(PeakDb(audio.Samples, 2));
            return null;
        };
        test.Channel.Execute(StageCommands.Load(10, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        int[] toChannel3 = [.. Enumerable.Range(0, 16).Select(c => c == 2 ? 0 : -1)];
        test.Channel.Execute(StageCommands.ChannelMap(20, toChannel3, atTick: 25));
        test.Channel.Execute(StageCommands.Load(20, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu), atTick: 25));
        test.Channel.Execute(StageCommands.Stop(20, atTick: 50));
        test.Channel.RunTicks(100);

        // The music's peak each tick is its gain at the tick's start (the gain ramps across the tick, from the start's).
        Assert.All(music[..25], peak => Assert.Equal(-18, peak, 1));
        // 100 ms at 25 frames a second: 12 dB in 2.5 ticks, 4.8 dB a tick, down by the third tick.
        Assert.Equal(-18 - 4.8, music[26], 1);
        Assert.All(music[28..62], peak => Assert.Equal(-30, peak, 1));
        // Quiet from tick 50: held 12 ticks (0.5 s), then 0.6 dB a tick for 20 ticks (0.8 s).
        Assert.True(music[65] > -30 + 1 && music[65] < -18 - 1, $"tick 65: {music[65]:F1} dB, coming back");
        Assert.All(music[84..], peak => Assert.Equal(-18, peak, 1));
        // The key is heard at its own level throughout.
        Assert.All(key[26..50], peak => Assert.Equal(-18, peak, 1));
    }

    [Fact]
    public void A_rule_names_its_wrong_field()
    {
        Assert.Null(new TalkOverSettings(20, [10, 11]).Problem());
        Assert.StartsWith("key:", new TalkOverSettings(20, [20]).Problem());
        Assert.StartsWith("key:", new TalkOverSettings(20, []).Problem());
        Assert.Equal("depthDb: -60 to -1 dB; got 3", new TalkOverSettings(20, [10], DepthDb: 3).Problem());
        Assert.Equal("thresholdDb: -80 to 0 dBFS; got -90", new TalkOverSettings(20, [10], ThresholdDb: -90).Problem());
        Assert.Equal("release: 0 to 10 seconds; got 11", (new TalkOverSettings(20, [10]) { Release = TimeSpan.FromSeconds(11) }).Problem());
    }

    /// <summary>A channel's highest sample in a tick of 16-channel sound, in dBFS.</summary>
    private static double PeakDb(ReadOnlySpan<float> samples, int channel)
    {
        float peak = 0;
        for (int i = channel; i < samples.Length; i += 16)
            peak = Math.Max(peak, Math.Abs(samples[i]));
        return 20 * Math.Log10(peak);
    }
}
