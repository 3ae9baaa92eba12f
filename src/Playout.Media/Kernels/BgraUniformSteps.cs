using System.Runtime.CompilerServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// What the BGRA kernels can tell from one step's four loaded vectors of pixels before any arithmetic: graphics are mostly
/// clear (every byte 0: transparent black, premultiplied or not), whose conversion is a constant.
/// </summary>
internal readonly struct BgraUniformSteps<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    // Instance fields, made once per call before the loop: static ones would put a class-initialisation check, a call that
    // clobbers every vector register, in the loop of a kernel compiled before its first clear step.

    /// <summary>The reference's conversion of a clear pixel (black under alpha 0): luma 64, chroma 512, keys 0.</summary>
    private readonly TV _clearLuma = LaneShuffle.Splat16<TOps, TV>((ushort)(BgraConverter.LumaOffset >> 16));
    private readonly TV _clearChroma = LaneShuffle.Splat16<TOps, TV>((ushort)(BgraConverter.ChromaOffset >> 17));
    private readonly TV _clearKey = LaneShuffle.Splat16<TOps, TV>((ushort)BgraConverter.Key(0));

    public BgraUniformSteps()
    {
    }

    /// <summary>Whether every byte of the step is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Clear(TV p0, TV p1, TV p2, TV p3) => TOps.EqualsAll(TOps.Or(TOps.Or(p0, p1), TOps.Or(p2, p3)), default);

    /// <summary>
    /// Writes a clear step's output: its pixels are as many as a vector has bytes, so luma and the luma key take two vectors each,
    /// Cb, Cr and the chroma key one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteClear(in StreamingOutput<TOps, TV> luma, in StreamingOutput<TOps, TV> cb, in StreamingOutput<TOps, TV> cr,
        ref byte lumaKey, ref byte chromaKey, int pixel, bool keyed)
    {
        int vector = 16 * TOps.Lanes;
        luma.Store(_clearLuma, 2 * pixel);
        luma.Store(_clearLuma, 2 * pixel + vector);
        cb.Store(_clearChroma, pixel);
        cr.Store(_clearChroma, pixel);
        if (keyed)
        {
            TOps.Store(_clearKey, ref Unsafe.Add(ref lumaKey, 2 * pixel));
            TOps.Store(_clearKey, ref Unsafe.Add(ref lumaKey, 2 * pixel + vector));
            TOps.Store(_clearKey, ref Unsafe.Add(ref chromaKey, pixel));
        }
    }
}
