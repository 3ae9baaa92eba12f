using System.Runtime.InteropServices;

namespace Playout.Benchmarks;

/// <summary>64-byte aligned native memory with the 64 bytes of tail padding FFmpeg's SIMD code may touch.</summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    private const int Padding = 64;
    private byte* _data;

    public NativeBuffer(int length)
    {
        Length = length;
        _data = (byte*)NativeMemory.AlignedAlloc((nuint)(length + Padding), 64);
        new Span<byte>(_data, length + Padding).Clear();
    }

    public int Length { get; }

    public Span<byte> Span => new(_data, Length);

    /// <summary>The buffer including its padding, for APIs that check for it.</summary>
    public Span<byte> Padded => new(_data, Length + Padding);

    public Span<ushort> Samples => MemoryMarshal.Cast<byte, ushort>(Span);

    public Span<ushort> PaddedSamples => MemoryMarshal.Cast<byte, ushort>(Padded);

    public void Randomize(int seed) => new Random(seed).NextBytes(Span);

    /// <summary>Random 10-bit samples (the buffer read as 16-bit little-endian).</summary>
    public void RandomizeSamples(int seed)
    {
        var random = new Random(seed);
        foreach (ref ushort sample in Samples)
            sample = (ushort)random.Next(1024);
    }

    public void Dispose()
    {
        NativeMemory.AlignedFree(_data);
        _data = null;
    }
}
