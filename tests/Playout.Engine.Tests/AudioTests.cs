using Playout.Engine.Commands;
using Playout.Engine.Producers;

namespace Playout.Engine.Tests;

public class AudioTests
{
    [Theory]
    [InlineData(BarsStandard.Ebu, -18.0)]
    [InlineData(BarsStandard.Smpte, -20.0)]
    public void Bars_carry_1_kHz_line_up_tone_at_the_standards_level(BarsStandard standard, double level)
    {
        using var test = new TestChannel("1080i50");
        var samples = new List<float>();
        test.Recorder.Inspect = (_, audio) => { Collect(audio.Samples, 16, 0, samples); return audio.Samples[1] == audio.Samples[0]; };
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, standard)));
        test.Channel.RunTicks(25);

        Assert.Equal(48000, samples.Count);
        double rms = Math.Sqrt(samples.Average(s => (double)s * s));
        // A sine at L dBFS has the RMS of a full-scale sine (1/√2) times 10^(L/20).
        Assert.Equal(level, 20 * Math.Log10(rms * Math.Sqrt(2)), 2);
        int rising = Enumerable.Range(1, samples.Count - 1).Count(i => samples[i - 1] < 0 && samples[i] >= 0);
        Assert.InRange(rising, 999, 1001);
        Assert.All(test.Recorder.Frames, f => Assert.True((bool)f.Inspected!));
    }

    [Fact]
    public void Tone_runs_on_across_frames_of_a_29_97_cadence_without_a_step()
    {
        using var test = new TestChannel("1080i59.94");
        var samples = new List<float>();
        var counts = new List<int>();
        test.Recorder.Inspect = (_, audio) => { counts.Add(audio.SampleCount); Collect(audio.Samples, 16, 0, samples); return null; };
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.RunTicks(10);

        Assert.Equal([1602, 1601, 1602, 1601, 1602, 1602, 1601, 1602, 1601, 1602], counts);
        double amplitude = Math.Pow(10, -18 / 20.0), maxStep = amplitude * 2 * Math.PI * 1000 / 48000 * 1.01;
        Assert.All(Enumerable.Range(1, samples.Count - 1), i => Assert.True(Math.Abs(samples[i] - samples[i - 1]) <= maxStep, $"step at sample {i}"));
    }

    [Fact]
    public void A_volume_fade_ramps_every_sample_and_ends_silent()
    {
        using var test = new TestChannel();
        var gains = new List<double>();
        var tone = new List<float>();
        test.Recorder.Inspect = (_, audio) => { Collect(audio.Samples, 16, 0, tone); return null; };
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.Execute(StageCommands.Volume(1, 0, frames: 10, atTick: 5));
        test.Channel.RunTicks(20);

        // Divide by the unfaded tone (same phase: the generator is deterministic) to recover the gain per sample.
        var reference = new ToneGenerator(test.Context.AudioPool, 1000, -18, [0]);
        var unfaded = new List<float>();
        for (int i = 0; i < 20; i++)
        {
            var frame = reference.Next(1920)!;
            Collect(frame.Samples, 16, 0, unfaded);
            frame.Release();
        }
        for (int i = 0; i < tone.Count; i++)
            if (Math.Abs(unfaded[i]) > 0.05)
                gains.Add(tone[i] / unfaded[i]);
        Assert.Equal(1, gains[0], 4);
        Assert.All(tone.Skip(15 * 1920), s => Assert.Equal(0, s));
        // No step larger than a smooth 10-frame ramp's per-sample change (plus float slack).
        double perSample = 1.0 / (10 * 1920);
        var steps = gains.Zip(gains.Skip(1), (a, b) => Math.Abs(b - a));
        Assert.True(steps.Max() < perSample * 50, $"largest gain step {steps.Max()}");
    }

    [Fact]
    public void A_channel_map_routes_a_producer_channel_to_another_output()
    {
        using var test = new TestChannel();
        test.Recorder.Inspect = (_, audio) => (audio.Samples[16 * 12 + 0], audio.Samples[16 * 12 + 7]);
        var map = Enumerable.Repeat(-1, 16).ToArray();
        map[7] = 0;
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        test.Channel.Execute(StageCommands.ChannelMap(1, map));
        test.Channel.RunTicks(2);

        var (first, eighth) = ((float, float))test.Recorder.Frames[^1].Inspected!;
        Assert.Equal(0, first);
        Assert.NotEqual(0, eighth);
    }

    private static void Collect(ReadOnlySpan<float> interleaved, int channels, int channel, List<float> into)
    {
        for (int i = channel; i < interleaved.Length; i += channels)
            into.Add(interleaved[i]);
    }
}
