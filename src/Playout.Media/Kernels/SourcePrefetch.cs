using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Playout.Media.Kernels;

/// <summary>
/// Software prefetch of a kernel's source, for loops with so much work per byte that the hardware prefetchers fall behind:
/// the BGRA kernels read 4K and 8K frames from memory half again as fast with it (2160p 2.5 → 1.8 ms measured here).
/// A prefetch is a hint: it never faults, so reading ahead past the end of the source is harmless.
/// </summary>
internal static unsafe class SourcePrefetch
{
    /// <summary>How far ahead: 4 KiB, a thousand BGRA pixels; 8 and 16 KiB measured no better.</summary>
    private const int Distance = 4096;

    /// <summary>Asks for the <paramref name="bytes"/> (a multiple of 64) that lie <see cref="Distance"/> after <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ahead(byte* at, int bytes)
    {
        if (!Sse.IsSupported)
            return;
        for (int line = 0; line < bytes; line += 64)
            Sse.Prefetch0(at + Distance + line);
    }
}
