using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Audio;

/// <summary>
/// Finds samples that are not below a level, for the silence probe: a sample is quiet when −level &lt; x &lt; level
/// (FFmpeg's silencedetect test), so NaN counts as loud. Vector512, 256 or 128 compares, then a scalar tail.
/// </summary>
public static class LoudSamples
{
    /// <summary>The index of the first sample whose magnitude is not below <paramref name="level"/>, or −1.</summary>
    public static int First(ReadOnlySpan<float> samples, float level, SimdPath path = SimdPath.Auto)
    {
        int at = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector512 => First512(samples, level),
            SimdPath.Vector256 => First256(samples, level),
            SimdPath.Vector128 => First128(samples, level),
            _ => 0,
        };
        for (int i = at; i < samples.Length; i++)
            if (IsLoud(samples[i], level))
                return i;
        return -1;
    }

    /// <summary>The index of the last sample whose magnitude is not below <paramref name="level"/>, or −1.</summary>
    public static int Last(ReadOnlySpan<float> samples, float level, SimdPath path = SimdPath.Auto)
    {
        int end = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector512 => Last512(samples, level),
            SimdPath.Vector256 => Last256(samples, level),
            SimdPath.Vector128 => Last128(samples, level),
            _ => samples.Length,
        };
        for (int i = end - 1; i >= 0; i--)
            if (IsLoud(samples[i], level))
                return i;
        return -1;
    }

    private static bool IsLoud(float sample, float level) => !(sample < level && sample > -level);

    // Each vector search returns where the scalar search must go on: the start of the first vector holding a loud
    // sample (or the start of the tail) for First, one past the end of the last such vector (or of the head) for Last.
    private static int First512(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector512.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int i = 0;
        for (; i + Vector512<float>.Count <= samples.Length; i += Vector512<float>.Count)
            if (Vector512.LessThan(Vector512.Abs(Vector512.LoadUnsafe(ref start, (nuint)i)), limit) != Vector512<float>.AllBitsSet)
                return i;
        return i;
    }

    private static int First256(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector256.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int i = 0;
        for (; i + Vector256<float>.Count <= samples.Length; i += Vector256<float>.Count)
            if (Vector256.LessThan(Vector256.Abs(Vector256.LoadUnsafe(ref start, (nuint)i)), limit) != Vector256<float>.AllBitsSet)
                return i;
        return i;
    }

    private static int First128(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector128.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int i = 0;
        for (; i + Vector128<float>.Count <= samples.Length; i += Vector128<float>.Count)
            if (Vector128.LessThan(Vector128.Abs(Vector128.LoadUnsafe(ref start, (nuint)i)), limit) != Vector128<float>.AllBitsSet)
                return i;
        return i;
    }

    private static int Last512(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector512.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int end = samples.Length;
        for (; end >= Vector512<float>.Count; end -= Vector512<float>.Count)
            if (Vector512.LessThan(Vector512.Abs(Vector512.LoadUnsafe(ref start, (nuint)(end - Vector512<float>.Count))), limit) != Vector512<float>.AllBitsSet)
                return end;
        return end;
    }

    private static int Last256(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector256.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int end = samples.Length;
        for (; end >= Vector256<float>.Count; end -= Vector256<float>.Count)
            if (Vector256.LessThan(Vector256.Abs(Vector256.LoadUnsafe(ref start, (nuint)(end - Vector256<float>.Count))), limit) != Vector256<float>.AllBitsSet)
                return end;
        return end;
    }

    private static int Last128(ReadOnlySpan<float> samples, float level)
    {
        var limit = Vector128.Create(level);
        ref float start = ref MemoryMarshal.GetReference(samples);
        int end = samples.Length;
        for (; end >= Vector128<float>.Count; end -= Vector128<float>.Count)
            if (Vector128.LessThan(Vector128.Abs(Vector128.LoadUnsafe(ref start, (nuint)(end - Vector128<float>.Count))), limit) != Vector128<float>.AllBitsSet)
                return end;
        return end;
    }
}
