using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Playout.Media.Simd;

/// <summary>The byte reference vector code loads from and stores to for a line of 16-bit samples.</summary>
internal static class SampleBytes
{
    /// <summary>The first sample's first byte; writable when the span is (a Span converts implicitly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref byte Of(ReadOnlySpan<ushort> samples) => ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetReference(samples));
}
