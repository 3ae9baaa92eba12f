using Playout.Media.Audio;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Audio;

/// <summary>The silence probe's search: every path finds the first and last sample a plain loop calls loud.</summary>
[Trait("Category", "Simd")]
public class LoudSamplesTests
{
    private const float Level = 0.001f;

    [Fact]
    public void Every_path_finds_the_first_and_last_loud_sample_wherever_it_lies()
    {
        float[] louds = [Level, -Level, 0.5f, float.NaN, float.PositiveInfinity];
        for (int length = 0; length <= 80; length++)
            for (int at = -1; at < length; at++)
                foreach (float loud in louds)
                {
                    var samples = new float[length];
                    for (int i = 0; i < length; i++)
                        samples[i] = (i % 3 - 1) * 0.000999f;
                    if (at >= 0)
                        samples[at] = loud;
                    if (at >= 2)
                        samples[at / 2] = loud;
                    int first = Array.FindIndex(samples, IsLoud), last = Array.FindLastIndex(samples, IsLoud);
                    foreach (var path in SimdPaths.Explicit.Prepend(SimdPath.Auto))
                    {
                        Assert.True(first == LoudSamples.First(samples, Level, path), $"first, length {length}, at {at}, {loud}, {path}");
                        Assert.True(last == LoudSamples.Last(samples, Level, path), $"last, length {length}, at {at}, {loud}, {path}");
                    }
                }
    }

    [Fact]
    public void Quiet_is_strictly_below_the_level_on_both_sides()
    {
        Assert.Equal(-1, LoudSamples.First([0.000999f, -0.000999f, 0, -0f], Level));
        Assert.Equal(1, LoudSamples.First([0, -Level, Level], Level));
        Assert.Equal(2, LoudSamples.Last([0, -Level, Level], Level));
    }

    private static bool IsLoud(float x) => !(x < Level && x > -Level);
}
