using Playout.Media.Audio.Loudness;
using static Playout.Media.Tests.Audio.Loudness.LavfiAudio;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>
/// EBU Tech 3341 (v4) minimum-requirement signals, synthesised by FFmpeg: cases 1–6 (momentary, short-term and
/// integrated loudness with its gates, 5.0 channel weights), 9 and 12 (the short-term and momentary windows) and
/// 15–19 (true peak), each within the document's tolerance (±0.1 LU; true peak +0.2/−0.4 dB).
/// </summary>
public class Tech3341ConformanceTests
{
    private const double Lu = 0.1;

    public static TheoryData<int, double, (double, double)[]> IntegratedCases() => new()
    {
        { 1, -23, [(20, -23)] },
        { 2, -33, [(20, -33)] },
        { 3, -23, [(10, -36), (60, -23), (10, -36)] },
        { 4, -23, [(10, -72), (10, -36), (60, -23), (10, -36), (10, -72)] },
        { 5, -23, [(20, -26), (20.1, -20), (20, -26)] },
    };

    [Theory]
    [MemberData(nameof(IntegratedCases))]
    public void Cases_1_to_5_integrated_loudness_of_stereo_sines(int @case, double expected, (double, double)[] segments)
    {
        var reading = Measure(ChannelLayout.Stereo, Render(Segments(Sine(0), segments)));
        Assert.True(Math.Abs(reading.Integrated - expected) <= Lu, $"case {@case}: integrated {reading.Integrated} LUFS, expected {expected}");
    }

    [Theory]
    [InlineData(1, -23.0)]
    [InlineData(2, -33.0)]
    public void Cases_1_and_2_momentary_and_short_term_of_a_steady_sine(int @case, double level)
    {
        var reading = Measure(ChannelLayout.Stereo, Render(Segments(Sine(0), (20, level))));
        Assert.True(Math.Abs(reading.Momentary - level) <= Lu, $"case {@case}: momentary {reading.Momentary}");
        Assert.True(Math.Abs(reading.ShortTerm - level) <= Lu, $"case {@case}: short-term {reading.ShortTerm}");
        Assert.True(Math.Abs(reading.MomentaryMax - level) <= Lu, $"case {@case}: max momentary {reading.MomentaryMax}");
        Assert.True(Math.Abs(reading.ShortTermMax - level) <= Lu, $"case {@case}: max short-term {reading.ShortTermMax}");
    }

    [Fact]
    public void Case_6_five_channels_weighted_with_surrounds_at_1_41_and_the_lfe_left_out()
    {
        // L, R at -28 dBFS, C at -24, Ls, Rs at -30, in 5.1's order L R C LFE Ls Rs with a silent LFE.
        var samples = Render(Source([Sine(-28), Sine(-28), Sine(-24), null, Sine(-30), Sine(-30)], 20));
        var reading = Measure(ChannelLayout.Surround51, samples);
        Assert.True(Math.Abs(reading.Integrated + 23) <= Lu, $"integrated {reading.Integrated} LUFS");
        // A loud LFE changes the peaks but not the loudness.
        var loudLfe = Render(Source([Sine(-28), Sine(-28), Sine(-24), Sine(-3, 50), Sine(-30), Sine(-30)], 20));
        var withLfe = Measure(ChannelLayout.Surround51, loudLfe);
        Assert.Equal(reading.Integrated, withLfe.Integrated, 6);
        Assert.True(withLfe.SamplePeak > -3.1, $"sample peak {withLfe.SamplePeak} leaves out the LFE");
    }

    [Fact]
    public void Case_9_short_term_is_constant_after_3_s_of_a_1_34_s_and_1_66_s_pattern()
    {
        var pattern = Enumerable.Range(0, 5).SelectMany(_ => new[] { (1.34, -20.0), (1.66, -30.0) }).ToArray();
        var values = EveryStep(Render(Segments(Sine(0), pattern)), r => r.ShortTerm, after: TimeSpan.FromSeconds(3));
        Assert.True(values.Count > 100);
        Assert.All(values, v => Assert.True(Math.Abs(v + 23) <= Lu, $"short-term {v}"));
    }

    [Fact]
    public void Case_12_momentary_is_constant_after_1_s_of_a_0_18_s_and_0_22_s_pattern()
    {
        var pattern = Enumerable.Range(0, 25).SelectMany(_ => new[] { (0.18, -20.0), (0.22, -30.0) }).ToArray();
        var values = EveryStep(Render(Segments(Sine(0), pattern)), r => r.Momentary, after: TimeSpan.FromSeconds(1));
        Assert.True(values.Count > 80);
        Assert.All(values, v => Assert.True(Math.Abs(v + 23) <= Lu, $"momentary {v}"));
    }

    public static TheoryData<int, double, double, double, double> TruePeakCases() => new()
    {
        // case, frequency as a fraction of fs, amplitude (full scale 1), phase (degrees), expected dBTP
        { 15, 1 / 4.0, 0.50, 0.0, -6.0 },
        { 16, 1 / 4.0, 0.50, 45.0, -6.0 },
        { 17, 1 / 6.0, 0.50, 60.0, -6.0 },
        { 18, 1 / 8.0, 0.50, 67.5, -6.0 },
        { 19, 1 / 4.0, 1.41, 45.0, 3.0 },
    };

    [Theory]
    [MemberData(nameof(TruePeakCases))]
    public void Cases_15_to_19_true_peak_of_sines_between_samples(int @case, double fraction, double amplitude, double phase, double expected)
    {
        // As the document's signals, 1 s faded in and out over 10 ms (a step would ring above the sine's peak).
        var sine = $"min(1,min(t,1-t)/0.01)*{Sine(20 * Math.Log10(amplitude), fraction * LoudnessMeter.SampleRate, phase)}";
        var reading = Measure(ChannelLayout.Stereo, Render(Source(sine, 2, 1)));
        Assert.True(reading.TruePeak >= expected - 0.4 && reading.TruePeak <= expected + 0.2,
            $"case {@case}: true peak {reading.TruePeak} dBTP, expected {expected} +0.2/-0.4 (sample peak {reading.SamplePeak})");
    }

    internal static LoudnessReading Measure(ChannelLayout layout, float[] samples)
    {
        var meter = new LoudnessMeter(layout);
        meter.Add(samples);
        return meter.Reading;
    }

    /// <summary>The figure after every 100 ms step from <paramref name="after"/> on.</summary>
    private static List<double> EveryStep(float[] samples, Func<LoudnessReading, double> figure, TimeSpan after)
    {
        var meter = new LoudnessMeter(ChannelLayout.Stereo);
        var values = new List<double>();
        const int step = LoudnessMeter.SampleRate / 10 * 2;
        for (int at = 0; at + step <= samples.Length; at += step)
        {
            meter.Add(samples.AsSpan(at, step));
            if (meter.SampleFrames >= after.TotalSeconds * LoudnessMeter.SampleRate)
                values.Add(figure(meter.Reading));
        }
        return values;
    }
}
