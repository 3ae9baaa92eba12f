using System.Runtime.InteropServices;

namespace Playout.Interop.Tests;

/// <summary>
/// A picture's planes in native memory laid out as FFmpeg wants them: each plane starts on a 64-byte boundary,
/// strides are multiples of 64 bytes and FFmpeg's padding follows the last line. Each plane gets one more
/// alignment unit of slack so tests can shift a plane and still pass the size checks.
/// Memory starts filled with 0xCD so that bytes a call did not write stand out.
/// </summary>
internal sealed unsafe class AlignedPicture : IDisposable
{
    private readonly PlaneMemory[] _planes;

    public AlignedPicture(params (int LineBytes, int Lines)[] planes)
    {
        _planes = new PlaneMemory[planes.Length];
        for (int i = 0; i < planes.Length; i++)
        {
            var (lineBytes, lines) = planes[i];
            int stride = FfmpegBuffers.AlignStride(lineBytes);
            int size = FfmpegBuffers.PlaneSize(stride, lineBytes, lines) + FfmpegBuffers.Alignment;
            var data = (byte*)NativeMemory.AlignedAlloc((nuint)size, FfmpegBuffers.Alignment);
            new Span<byte>(data, size).Fill(0xCD);
            _planes[i] = new((nint)data, size, stride, lineBytes, lines);
        }
    }

    public static AlignedPicture Yuv422P10(int width, int height) => new((width * 2, height), (width, height), (width, height));

    public static AlignedPicture Packed(int lineBytes, int height) => new((lineBytes, height));

    public Span<byte> Plane(int index) => new((byte*)_planes[index].Data, _planes[index].Size);

    public Span<ushort> Samples(int index) => MemoryMarshal.Cast<byte, ushort>(Plane(index));

    /// <summary>Stride in bytes.</summary>
    public int Stride(int index) => _planes[index].Stride;

    /// <summary>Stride in 16-bit samples.</summary>
    public int SampleStride(int index) => _planes[index].Stride / 2;

    public ReadOnlyImagePlanes AsSource() =>
        new(Plane(0), Stride(0), PlaneOrEmpty(1), StrideOrZero(1), PlaneOrEmpty(2), StrideOrZero(2), PlaneOrEmpty(3), StrideOrZero(3));

    public ImagePlanes AsDestination() =>
        new(Plane(0), Stride(0), PlaneOrEmpty(1), StrideOrZero(1), PlaneOrEmpty(2), StrideOrZero(2), PlaneOrEmpty(3), StrideOrZero(3));

    /// <summary>Fills the planes from a raw file's bytes: every plane's lines back to back, as ffmpeg's rawvideo writes them.</summary>
    public AlignedPicture Load(ReadOnlySpan<byte> raw)
    {
        foreach (var plane in _planes)
            for (int line = 0; line < plane.Lines; line++)
            {
                raw[..plane.LineBytes].CopyTo(new Span<byte>((byte*)plane.Data + line * plane.Stride, plane.LineBytes));
                raw = raw[plane.LineBytes..];
            }
        if (!raw.IsEmpty)
            throw new ArgumentException($"{raw.Length} bytes left over", nameof(raw));
        return this;
    }

    /// <summary>The planes as a raw file holds them, for comparing with ffmpeg's output.</summary>
    public byte[] ToRaw()
    {
        var raw = new List<byte>();
        foreach (var plane in _planes)
            for (int line = 0; line < plane.Lines; line++)
                raw.AddRange(new ReadOnlySpan<byte>((byte*)plane.Data + line * plane.Stride, plane.LineBytes));
        return [.. raw];
    }

    private Span<byte> PlaneOrEmpty(int index) => index < _planes.Length ? Plane(index) : default;

    private int StrideOrZero(int index) => index < _planes.Length ? Stride(index) : 0;

    public void Dispose()
    {
        foreach (var plane in _planes)
            NativeMemory.AlignedFree((void*)plane.Data);
    }

    private readonly record struct PlaneMemory(nint Data, int Size, int Stride, int LineBytes, int Lines);
}
