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
    [Theory]
    [InlineData("1080i50")]
    [InlineData("720p59.94")]
    [InlineData("radio")]
    public void Music_ducks_under_the_key_within_the_attack_holds_then_comes_back_over_the_release(string format)
    {
        using var test = new TestChannel(format);
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
        // The key talks from the first second to the second; ticks at the format's rate.
        double rate = test.Context.Format.FrameRate.ToDouble();
        int talks = (int)Math.Round(rate), stops = 2 * talks;
        test.Channel.Execute(StageCommands.Load(10, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        int[] toChannel3 = [.. Enumerable.Range(0, 16).Select(c => c == 2 ? 0 : -1)];
        test.Channel.Execute(StageCommands.ChannelMap(20, toChannel3, atTick: talks));
        test.Channel.Execute(StageCommands.Load(20, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu), atTick: talks));
        test.Channel.Execute(StageCommands.Stop(20, atTick: stops));
        test.Channel.RunTicks(4 * talks);

        // The music's peak each tick is its gain at the tick's start (the gain ramps across the tick, from the start's).
        Assert.All(music[..talks], peak => Assert.Equal(-18, peak, 1));
        // 12 dB over the 100 ms attack, a tick's share of it each tick: down by the first tick after the attack.
        double step = 12 / (0.1 * rate);
        Assert.Equal(-18 - step, music[talks + 1], 1);
        int down = talks + 1 + (int)Math.Ceiling(0.1 * rate), held = stops + (int)(0.5 * rate);
        Assert.All(music[down..held], peak => Assert.Equal(-30, peak, 1));
        // Quiet from the second second: held 0.5 s, then back up over 0.8 s.
        int coming = held + (int)(0.4 * rate), back = held + (int)Math.Ceiling(0.8 * rate) + 2;
        Assert.True(music[coming] > -30 + 1 && music[coming] < -18 - 1, $"tick {coming}: {music[coming]:F1} dB, coming back");
        Assert.All(music[back..], peak => Assert.Equal(-18, peak, 1));
        // The key is heard at its own level throughout.
        Assert.All(key[(talks + 1)..stops], peak => Assert.Equal(-18, peak, 1));
    }

    [Fact]
    public void The_key_is_heard_by_its_level_not_by_one_samples_peak()
    {
        using var test = new TestChannel("1080i50");
        test.Context.TalkOver = [new TalkOverSettings(Key: 20, Ducked: [10], DepthDb: -12, ThresholdDb: -25) { Attack = TimeSpan.Zero }];
        var music = new List<double>();
        test.Recorder.Inspect = (_, audio) =>
        {
            music.Add(PeakDb(audio.Samples, 0));
            return null;
        };
        test.Channel.Execute(StageCommands.Load(10, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        // A glitch: one sample at -1 dBFS in each tick of silence, on channel 3 (its RMS over the tick is about -31 dBFS).
        test.Channel.Execute(StageCommands.Load(20, new GlitchProducer(test.Context), atTick: 5));
        test.Channel.RunTicks(30);
        Assert.All(music[5..], peak => Assert.Equal(-18, peak, 1));
    }

    /// <summary>Silence but for one sample near full scale a tick, on programme channel 3.</summary>
    private sealed class GlitchProducer(Channels.ChannelContext context) : Producer("glitch")
    {
        public override bool TryReceive(in ProduceContext produce, out LayerFrame frame)
        {
            var audio = context.AudioPool.Rent();
            var samples = audio.Write(context.Format.AudioSamplesForFrame(produce.Tick));
            samples.Clear();
            samples[2] = 0.9f;
            audio.Commit();
            frame = new LayerFrame(null, null, audio);
            return true;
        }
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
