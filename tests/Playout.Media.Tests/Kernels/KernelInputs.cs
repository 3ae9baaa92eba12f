namespace Playout.Media.Tests.Kernels;

/// <summary>Random and edge-case inputs for kernel equivalence tests.</summary>
internal static class KernelInputs
{
    /// <summary>Widths 2…98 (every even one: partial 6-pixel groups, lanes not filled), then 720p (not a multiple of 48), HD and 8K.</summary>
    public static IEnumerable<object[]> Widths() =>
        Enumerable.Range(1, 49).Select(i => 2 * i).Concat([1280, 1920, 7680]).Select(w => new object[] { w });

    private static readonly ushort[] EdgeCodes = [0, 4, 1019, 1023];

    /// <summary>10-bit samples: random, with the edge codes 0, 4, 1019 and 1023 sprinkled in, seeded for repeatability.</summary>
    public static ushort[] Samples(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new ushort[count];
        for (int i = 0; i < count; i++)
            samples[i] = random.Next(4) == 0 ? EdgeCodes[random.Next(EdgeCodes.Length)] : (ushort)random.Next(1024);
        return samples;
    }

    public static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// A copy placed at an odd offset inside a larger buffer, so vector loads are misaligned;
    /// returns the slice.
    /// </summary>
    public static Memory<T> Misaligned<T>(T[] data, int offset = 1)
    {
        var buffer = new T[data.Length + offset + 64];
        data.CopyTo(buffer, offset);
        return buffer.AsMemory(offset, data.Length);
    }
}
