namespace Playout.Media.Simd;

/// <summary>
/// Index tables for the cross-lane 16-bit permutes that move 4:2:2 samples between contiguous memory
/// and 128-bit lanes (8 samples per lane). Shared by every vector width; each builds its vectors once.
/// </summary>
internal static class LanePermutes
{
    /// <summary>
    /// Lane i, element e takes sample stride·i + e; with <paramref name="highOffset"/> &gt; 0 the lane's
    /// elements 4..7 take samples stride·i + e − 4 of the source's high half, which starts there.
    /// </summary>
    public static ushort[] Spread(int elements, int stride, int highOffset)
    {
        var indices = new ushort[elements];
        for (int i = 0; i < elements; i++)
        {
            int lane = i / 8, element = i % 8;
            indices[i] = (ushort)(highOffset == 0 || element < 4
                ? stride * lane + element
                : highOffset + stride * lane + element - 4);
        }
        return indices;
    }

    /// <summary>
    /// The inverse: output j takes element j % stride of lane j / stride. With <paramref name="halfElements"/>
    /// &gt; 0 each half of the output gathers that many, the high half from element <paramref name="highStart"/>
    /// of each lane on. Outputs past the gathered samples repeat the last element (junk).
    /// </summary>
    public static ushort[] Gather(int elements, int stride, int highStart, int halfElements)
    {
        var indices = new ushort[elements];
        int outputs = halfElements == 0 ? elements : halfElements;
        for (int j = 0; j < elements; j++)
        {
            int k = j % outputs, source = k / stride * 8 + k % stride + (j >= outputs ? highStart : 0);
            indices[j] = (ushort)Math.Min(source, elements - 1);
        }
        return indices;
    }
}
