using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Keys a graphics fill over video on planar 10-bit lines (one plane at a time: luma with the luma key,
/// Cb and Cr with the chroma key), with a global opacity. The arithmetic is <see cref="KeyBlend"/>.
/// </summary>
public static class Keyer
{
    /// <summary>destination[i] = blend(background[i], fill[i], key[i]); destination may be background.</summary>
    /// <param name="opacity">Global opacity, 0..1.</param>
    public static void KeyLine(ReadOnlySpan<ushort> background, ReadOnlySpan<ushort> fill, ReadOnlySpan<ushort> key,
        Span<ushort> destination, double opacity, SimdPath path = SimdPath.Auto)
    {
        int count = destination.Length;
        if (background.Length < count || fill.Length < count || key.Length < count)
            throw new ArgumentException(
                $"background ({background.Length}), fill ({fill.Length}) and key ({key.Length}) must each hold the destination's {count} samples");
        int o = KeyBlend.ToInteger(opacity);
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => KeyLine<Lanes128, Vector128<byte>>(background, fill, key, destination, o),
            SimdPath.Vector256 => KeyLine<Lanes256, Vector256<byte>>(background, fill, key, destination, o),
            SimdPath.Vector512 => KeyLine<Lanes512, Vector512<byte>>(background, fill, key, destination, o),
            _ => 0,
        };
        for (int i = done; i < count; i++)
            destination[i] = (ushort)KeyBlend.Sample(background[i], fill[i], key[i], o);
    }

    private static int KeyLine<TOps, TV>(ReadOnlySpan<ushort> background, ReadOnlySpan<ushort> fill, ReadOnlySpan<ushort> key,
        Span<ushort> destination, int opacity)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV opacity32 = LaneShuffle.Splat16<TOps, TV>((ushort)(opacity * 32));
        bool partial = opacity < KeyBlend.FullOpacity;
        ref byte bg = ref SampleBytes.Of(background), f = ref SampleBytes.Of(fill), k = ref SampleBytes.Of(key);
        ref byte dst = ref SampleBytes.Of(destination);
        int step = 8 * TOps.Lanes, i = 0;
        for (; i + step <= destination.Length; i += step)
        {
            nint at = 2 * i;
            TV blended = KeyBlend.Vector<TOps, TV>(TOps.Load(ref Unsafe.Add(ref bg, at)), TOps.Load(ref Unsafe.Add(ref f, at)),
                TOps.Load(ref Unsafe.Add(ref k, at)), opacity32, partial);
            TOps.Store(blended, ref Unsafe.Add(ref dst, at));
        }
        return i;
    }
}
