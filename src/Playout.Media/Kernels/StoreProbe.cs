using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Playout.Media.Kernels;

/// <summary>
/// Times a copy that the last-level cache holds written through the cache and written past it (non-temporal stores), as
/// the kernels write: whether the cache is faster to write into than memory is a property of the machine, not of its
/// cache's size. A 2-core guest on a Xeon reports 260 MB of last-level cache that it shares with the whole package; a 1080p
/// pass written through it measured 1.1× its floor against 0.8–1.0× streamed, a 2160p pass 1.0–1.3× against 0.8–1.0×.
/// On an EPYC core complex the same 1080p pass is twice as fast through the cache (bench/RESULTS.md).
/// </summary>
internal static unsafe class StoreProbe
{
    /// <summary>Whether non-temporal stores can be timed here (x86 with SSE2); elsewhere nothing streams below the cache's size.</summary>
    public static bool IsSupported => Sse2.IsSupported;

    /// <summary>
    /// The fastest of <paramref name="rounds"/> timings of each way of copying <paramref name="bytes"/> (a multiple of 64), in
    /// turn. Each way is timed on its second copy, so a copy through the cache starts with its output there, as a kernel
    /// writing the same pool frames does.
    /// </summary>
    public static (TimeSpan Cached, TimeSpan Streamed) Measure(int bytes, int rounds)
    {
        byte* from = null, to = null;
        try
        {
            from = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
            to = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
            new Span<byte>(from, bytes).Fill(0x5A);
            TimeSpan cached = TimeSpan.MaxValue, streamed = TimeSpan.MaxValue;
            for (int round = 0; round < rounds; round++)
            {
                var throughCache = TimedTwice(from, to, bytes, streamed: false);
                var pastCache = TimedTwice(from, to, bytes, streamed: true);
                cached = throughCache < cached ? throughCache : cached;
                streamed = pastCache < streamed ? pastCache : streamed;
            }
            return (cached, streamed);
        }
        finally
        {
            NativeMemory.AlignedFree(from);
            NativeMemory.AlignedFree(to);
        }
    }

    private static TimeSpan TimedTwice(byte* from, byte* to, int bytes, bool streamed)
    {
        Copy(from, to, bytes, streamed);
        long start = Stopwatch.GetTimestamp();
        Copy(from, to, bytes, streamed);
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Copies 64-byte blocks with ordinary or non-temporal 128-bit stores (the widest every x86-64 has).</summary>
    internal static void Copy(byte* from, byte* to, int bytes, bool streamed)
    {
        for (int at = 0; at < bytes; at += 64)
        {
            Vector128<byte> a = Sse2.LoadAlignedVector128(from + at), b = Sse2.LoadAlignedVector128(from + at + 16);
            Vector128<byte> c = Sse2.LoadAlignedVector128(from + at + 32), d = Sse2.LoadAlignedVector128(from + at + 48);
            if (streamed)
            {
                Sse2.StoreAlignedNonTemporal(to + at, a);
                Sse2.StoreAlignedNonTemporal(to + at + 16, b);
                Sse2.StoreAlignedNonTemporal(to + at + 32, c);
                Sse2.StoreAlignedNonTemporal(to + at + 48, d);
            }
            else
            {
                Sse2.StoreAligned(to + at, a);
                Sse2.StoreAligned(to + at + 16, b);
                Sse2.StoreAligned(to + at + 32, c);
                Sse2.StoreAligned(to + at + 48, d);
            }
        }
        if (streamed)
            Sse.StoreFence();
    }
}
