using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// An interlaced picture made progressive for an output that shows whole frames (an HLS rendition): each line of 10-bit
/// samples becomes a quarter of the line above, half of itself and a quarter of the line below, rounded, so the two
/// fields' lines meet in every output line and movement leaves no combs. It halves the finest vertical detail, which a
/// rendition scaled down from the channel's raster does not keep anyway.
/// </summary>
public static class FieldBlend
{
    /// <summary>
    /// Writes the blend of <paramref name="above"/>, <paramref name="line"/> and <paramref name="below"/> (10-bit samples, as
    /// long as <paramref name="output"/>) to <paramref name="output"/>, which may be <paramref name="line"/> itself.
    /// </summary>
    public static void Line(ReadOnlySpan<ushort> above, ReadOnlySpan<ushort> line, ReadOnlySpan<ushort> below, Span<ushort> output,
        SimdPath path = SimdPath.Auto)
    {
        int count = output.Length;
        if (above.Length < count || line.Length < count || below.Length < count)
            throw new ArgumentException($"the three lines must hold the output's {count} samples");
        int done = SimdPaths.Resolve(path) switch
        {
            SimdPath.Vector128 => Vectors<Lanes128, Vector128<byte>>(above, line, below, output),
            SimdPath.Vector256 => Vectors<Lanes256, Vector256<byte>>(above, line, below, output),
            SimdPath.Vector512 => Vectors<Lanes512, Vector512<byte>>(above, line, below, output),
            _ => 0,
        };
        for (int i = done; i < count; i++)
            output[i] = (ushort)((above[i] + 2 * line[i] + below[i] + 2) >> 2);
    }

    /// <summary>Whole vectors of the line; returns the samples done. 10-bit samples leave room for the sum in 16 bits.</summary>
    private static int Vectors<TOps, TV>(ReadOnlySpan<ushort> above, ReadOnlySpan<ushort> line, ReadOnlySpan<ushort> below, Span<ushort> output)
        where TOps : ILaneOps<TV> where TV : struct
    {
        int samples = TOps.Lanes * 8, count = output.Length, i = 0;
        ref byte a = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(above)), l = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(line));
        ref byte b = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(below)), o = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(output));
        TV two = LaneShuffle.Splat16<TOps, TV>(2);
        for (; i + samples <= count; i += samples)
        {
            TV centre = TOps.Load(ref Unsafe.Add(ref l, 2 * i));
            TV sum = TOps.Add16(TOps.Add16(TOps.Load(ref Unsafe.Add(ref a, 2 * i)), TOps.Load(ref Unsafe.Add(ref b, 2 * i))),
                TOps.Add16(TOps.Add16(centre, centre), two));
            TOps.Store(TOps.ShiftRight16(sum, 2), ref Unsafe.Add(ref o, 2 * i));
        }
        return i;
    }
}
