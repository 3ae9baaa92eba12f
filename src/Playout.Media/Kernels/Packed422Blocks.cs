using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Permute indices that turn four unpacked vectors (4·Lanes groups of 6 pixels, luma in lane elements
/// 0..5, chroma Cb 0..2 and Cr 4..6) into whole output vectors: three of luma, and three whose low half
/// is Cb and high half Cr. Output vector k takes its samples from unpacked vectors k and k + 1: one
/// two-source permute each.
/// </summary>
internal readonly struct Packed422Blocks<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    /// <summary>Built once per vector width; kernels read it without allocating.</summary>
    public static readonly Packed422Blocks<TOps, TV> Instance = new();

    public readonly TV Luma0, Luma1, Luma2, Chroma0, Chroma1, Chroma2;

    public Packed422Blocks()
    {
        (Luma0, Luma1, Luma2) = (Indices(0, false), Indices(1, false), Indices(2, false));
        (Chroma0, Chroma1, Chroma2) = (Indices(0, true), Indices(1, true), Indices(2, true));
    }

    private static TV Indices(int output, bool chroma)
    {
        int lanes = TOps.Lanes, elements = 8 * lanes, half = 4 * lanes;
        var indices = new ushort[elements];
        for (int j = 0; j < elements; j++)
        {
            int sample, element;
            if (chroma)
            {
                sample = half * output + j % half;
                element = sample % 3 + (j < half ? 0 : 4);
                sample /= 3;
            }
            else
            {
                sample = elements * output + j;
                element = sample % 6;
                sample /= 6;
            }
            int vector = sample / lanes, lane = sample % lanes;
            indices[j] = (ushort)((vector - output) * elements + lane * 8 + element);
        }
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(indices.AsSpan());
        return TOps.LoadLanes(ref bytes[0], 16);
    }
}
