using Playout.Media.Audio;
using Playout.Media.Audio.Loudness;
using Playout.Media.Simd;
using static Playout.Media.Tests.Audio.Loudness.LavfiAudio;
using Playout.TestSupport;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>The meter's contract: chunking, layouts within a 16-channel programme, reset, "no value", bad input.</summary>
public class LoudnessMeterTests
{
    private static readonly Lazy<float[]> Programme = new(() => Render(
        Source(["0.3*sin(2*PI*440*t)*(0.6+0.4*sin(2*PI*0.3*t))", "0.2*(random(0)-0.5)+0.2*sin(2*PI*3000*t)"], 8)));

    [Fact]
    public void Any_chunking_gives_the_same_reading_as_one_call()
    {
        var whole = Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, Programme.Value);
        // One sample frame, a 59.94 video frame's 800/801 alternation, a 50 Hz frame's 960, and odd sizes.
        foreach (int[] sizes in new[] { new[] { 1 }, new[] { 801, 801, 800, 801, 801 }, new[] { 960 }, new[] { 4799, 3, 10000 } })
        {
            var meter = new LoudnessMeter(ChannelLayout.Stereo);
            int at = 0;
            for (int i = 0; at < Programme.Value.Length / 2; i++)
            {
                int frames = Math.Min(sizes[i % sizes.Length], Programme.Value.Length / 2 - at);
                meter.Add(Programme.Value.AsSpan(2 * at, 2 * frames));
                at += frames;
            }
            Assert.Equal(whole, meter.Reading);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_pair_of_a_16_channel_programme_measures_as_that_stereo_alone(int pair)
    {
        var stereo = Programme.Value;
        int frames = stereo.Length / 2;
        var sixteen = new float[frames * 16];
        var random = new Random(pair);
        for (int i = 0; i < sixteen.Length; i++)
            sixteen[i] = (float)(random.NextDouble() - 0.5);
        for (int i = 0; i < frames; i++)
        {
            sixteen[i * 16 + 2 * pair] = stereo[2 * i];
            sixteen[i * 16 + 2 * pair + 1] = stereo[2 * i + 1];
        }
        Assert.Equal(Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, stereo),
            Tech3341ConformanceTests.Measure(ChannelLayout.Pair(pair), sixteen));
    }

    [Fact]
    public void Surround_within_a_wider_frame_is_placed_where_asked()
    {
        var layout = ChannelLayout.Surround51.Within(16, 2);
        Assert.Equal([2, 3, 4, 5, 6, 7], layout.Channels.ToArray());
        Assert.Equal(16, layout.Stride);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelLayout.Surround51.Within(16, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelLayout.Pair(8));
    }

    [Fact]
    public void Reset_starts_again_as_new()
    {
        var meter = new LoudnessMeter(ChannelLayout.Stereo);
        meter.Add(Render(Segments(Sine(0), (5, -10))));
        meter.Reset();
        Assert.Equal(LoudnessReading.None, meter.Reading);
        meter.Add(Programme.Value);
        Assert.Equal(Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, Programme.Value), meter.Reading);
    }

    [Fact]
    public void Silence_and_short_input_read_as_no_value()
    {
        var meter = new LoudnessMeter(ChannelLayout.Stereo);
        Assert.Equal(LoudnessReading.None, meter.Reading);
        meter.Add(new float[2 * LoudnessMeter.SampleRate * 4]);
        var silent = meter.Reading;
        Assert.All(new[] { silent.Momentary, silent.ShortTerm, silent.Integrated, silent.TruePeak, silent.SamplePeak, silent.MomentaryMax },
            v => Assert.Equal(double.NegativeInfinity, v));
        Assert.False(LoudnessReading.HasValue(silent.Range));

        // 300 ms of tone: peaks, but no 400 ms block yet.
        var brief = new LoudnessMeter(ChannelLayout.Stereo);
        brief.Add(Render(Segments(Sine(0), (0.3, -20))));
        Assert.True(LoudnessReading.HasValue(brief.Reading.SamplePeak));
        Assert.False(LoudnessReading.HasValue(brief.Reading.Momentary));
        Assert.False(LoudnessReading.HasValue(brief.Reading.Integrated));
    }

    [Fact]
    public void Samples_that_are_not_finite_are_measured_as_silence_and_do_not_stick()
    {
        var broken = (float[])Programme.Value.Clone();
        for (int i = 1000; i < broken.Length; i += 9973)
            broken[i] = i % 2 == 0 ? float.NaN : float.PositiveInfinity;
        var zeroed = broken.Select(s => float.IsFinite(s) ? s : 0).ToArray();

        var reading = Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, broken);

        Assert.Equal(Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, zeroed), reading);
        Assert.True(double.IsFinite(reading.Integrated) && double.IsFinite(reading.TruePeak) && double.IsFinite(reading.MomentaryMax));
    }

    [Fact]
    public void A_16_channel_audio_frame_is_measured_by_a_pair_meter_and_refused_by_a_stereo_one()
    {
        var pool = new AudioPool(16, 960, 2);
        Assert.True(pool.TryRent(out var frame));
        var samples = frame.Write(960);
        for (int i = 0; i < 960; i++)
            samples[i * 16 + 2] = samples[i * 16 + 3] = 0.5f * MathF.Sin(i * 0.1f);
        frame.Commit();
        var pair = new LoudnessMeter(ChannelLayout.Pair(1));
        var first = new LoudnessMeter(ChannelLayout.Pair(0));

        pair.Add(frame);
        first.Add(frame);

        Assert.InRange(pair.Reading.SamplePeak, -6.1, -6.0);
        Assert.Equal(double.NegativeInfinity, first.Reading.SamplePeak);
        var error = Assert.Throws<ArgumentException>(() => new LoudnessMeter(ChannelLayout.Stereo).Add(frame));
        Assert.Contains("16 channels", error.Message);
        frame.Release();
    }

    [Fact]
    public void Samples_that_are_not_whole_sample_frames_are_refused_naming_the_layout()
    {
        var meter = new LoudnessMeter(ChannelLayout.Pair(1));
        var error = Assert.Throws<ArgumentException>(() => meter.Add(new float[17]));
        Assert.Contains("16 channels", error.Message);
        Assert.Equal(0, meter.SampleFrames);
    }

    [Fact]
    [Trait("Category", "Simd")]
    public void Scalar_and_vector_true_peak_give_the_same_bits()
    {
        var random = new Random(7);
        foreach (int length in new[] { TruePeak.History + 1, TruePeak.History + 5, 4811 })
        {
            var samples = new float[length];
            for (int i = 0; i < length; i++)
                samples[i] = (float)(random.NextDouble() * 2.4 - 1.2);
            Assert.Equal(TruePeak.MaxScalar(samples), TruePeak.MaxVector(samples));
        }
        var scalar = new LoudnessMeter(ChannelLayout.Stereo, SimdPath.Scalar);
        var vector = new LoudnessMeter(ChannelLayout.Stereo, SimdPath.Vector128);
        scalar.Add(Programme.Value);
        vector.Add(Programme.Value);
        Assert.Equal(scalar.Reading, vector.Reading);
    }

    [Fact]
    [Trait("Category", "Simd")]
    public void Metering_a_16_channel_frame_and_reading_allocate_nothing()
    {
        var frame = new float[16 * 960];
        for (int i = 0; i < frame.Length; i++)
            frame[i] = MathF.Sin(i * 0.01f) * 0.5f;
        foreach (var path in SimdPaths.Explicit.Prepend(SimdPath.Auto))
        {
            var meters = Enumerable.Range(0, 8).Select(pair => new LoudnessMeter(ChannelLayout.Pair(pair), path))
                .Append(new LoudnessMeter(ChannelLayout.Surround51.Within(16, 0), path)).ToArray();
            void Tick()
            {
                foreach (var meter in meters)
                {
                    meter.Add(frame);
                    _ = meter.Reading;
                }
            }
            // Ten seconds at 50 fps a run: every step, window and gate update happens.
            Assert.Equal(0, Allocations.LeastOf(() =>
            {
                for (int i = 0; i < 500; i++)
                    Tick();
            }));
        }
    }
}
