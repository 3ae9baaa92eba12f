using System.Numerics;
using System.Runtime.InteropServices;

namespace Playout.HwSim;

/// <summary>
/// A Fletcher-style checksum over 64-bit words, in vector lanes: two running sums, the second of the first,
/// so it depends on every byte and on where it sits. It only tells frames apart; it is no cryptographic hash.
/// </summary>
public static class FrameChecksum
{
    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        var sum = Vector<ulong>.Zero;
        var sumOfSums = Vector<ulong>.Zero;
        int i = 0;
        for (; i <= words.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
        {
            sum += new Vector<ulong>(words[i..]);
            sumOfSums += sum;
        }
        ulong a = 0, b = 0;
        for (int lane = 0; lane < Vector<ulong>.Count; lane++)
        {
            a += sum[lane] * (ulong)(lane + 1);
            b += sumOfSums[lane] * (ulong)(2 * lane + 1);
        }
        for (; i < words.Length; i++)
        {
            a += words[i];
            b += a;
        }
        foreach (var tail in bytes[(words.Length * sizeof(ulong))..])
        {
            a += tail;
            b += a;
        }
        return a ^ (b << 1 | b >> 63);
    }
}
