using Playout.Media.Audio.Loudness;
using static Playout.Media.Tests.Audio.Loudness.LavfiAudio;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>EBU Tech 3342 loudness-range cases 1–4 (stereo 1 kHz sines in 20 s segments), synthesised by FFmpeg, within ±1 LU.</summary>
public class Tech3342ConformanceTests
{
    public static TheoryData<int, double, double[]> Cases() => new()
    {
        { 1, 10, [-20, -30] },
        { 2, 5, [-20, -15] },
        { 3, 20, [-40, -20] },
        { 4, 15, [-50, -35, -20, -35, -50] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loudness_range_of_stepped_sines(int @case, double expected, double[] levels)
    {
        var samples = Render(Segments(Sine(0), [.. levels.Select(level => (20.0, level))]));
        var reading = Tech3341ConformanceTests.Measure(ChannelLayout.Stereo, samples);
        Assert.True(Math.Abs(reading.Range - expected) <= 1, $"case {@case}: range {reading.Range} LU, expected {expected}");
    }
}
