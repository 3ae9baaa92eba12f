using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// A picture's planes in native memory laid out as FFmpeg wants them: each plane starts on a 64-byte boundary,
/// strides are multiples of 64 bytes and FFmpeg's padding follows the last line. Each plane gets one more
/// alignment unit of slack so a caller can shift a plane and still pass the size checks. The memory never moves,
/// so spans over it can be handed to native code at any time.
/// </summary>
public sealed unsafe class AlignedPicture : IDisposable
{
    private readonly PlaneMemory[] _planes;

    /// <param name="fill">The byte every plane starts filled with.</param>
    public AlignedPicture(byte fill, params (int LineBytes, int Lines)[] planes)
    {
        _planes = new PlaneMemory[planes.Length];
        for (int i = 0; i < planes.Length; i++)
        {
            var (lineBytes, lines) = planes[i];
            int stride = FfmpegBuffers.AlignStride(lineBytes);
            int size = FfmpegBuffers.PlaneSize(stride, lineBytes, lines) + FfmpegBuffers.Alignment;
            var data = (byte*)NativeMemory.AlignedAlloc((nuint)size, FfmpegBuffers.Alignment);
            new Span<byte>(data, size).Fill(fill);
            _planes[i] = new((nint)data, size, stride, lineBytes, lines);
        }
    }

    /// <summary>Three planes of 16-bit samples: Y (width samples a line), Cb and Cr (width / 2 each).</summary>
    public static AlignedPicture Yuv422P10(int width, int height, byte fill = 0) => new(fill, (width * 2, height), (width, height), (width, height));

    /// <summary>One plane of <paramref name="lineBytes"/> bytes a line (bgra, uyvy422, ...).</summary>
    public static AlignedPicture Packed(int lineBytes, int height, byte fill = 0) => new(fill, (lineBytes, height));

    public int PlaneCount => _planes.Length;

    public Span<byte> Plane(int index) => new((byte*)_planes[index].Data, _planes[index].Size);

    public Span<ushort> Samples(int index) => MemoryMarshal.Cast<byte, ushort>(Plane(index));

    /// <summary>Stride in bytes.</summary>
    public int Stride(int index) => _planes[index].Stride;

    /// <summary>Stride in 16-bit samples.</summary>
    public int SampleStride(int index) => _planes[index].Stride / 2;

    /// <summary>Bytes of picture data in one line of a plane (its stride's padding excluded).</summary>
    public int LineBytes(int index) => _planes[index].LineBytes;

    public int Lines(int index) => _planes[index].Lines;

    /// <summary>The picture bytes of one line of a plane.</summary>
    public Span<byte> Line(int index, int line) => Plane(index).Slice(line * Stride(index), LineBytes(index));

    public ReadOnlyImagePlanes AsSource() =>
        new(Plane(0), Stride(0), PlaneOrEmpty(1), StrideOrZero(1), PlaneOrEmpty(2), StrideOrZero(2), PlaneOrEmpty(3), StrideOrZero(3));

    public ImagePlanes AsDestination() =>
        new(Plane(0), Stride(0), PlaneOrEmpty(1), StrideOrZero(1), PlaneOrEmpty(2), StrideOrZero(2), PlaneOrEmpty(3), StrideOrZero(3));

    private Span<byte> PlaneOrEmpty(int index) => index < _planes.Length ? Plane(index) : default;

    private int StrideOrZero(int index) => index < _planes.Length ? Stride(index) : 0;

    public void Dispose()
    {
        foreach (var plane in _planes)
            NativeMemory.AlignedFree((void*)plane.Data);
    }

    private readonly record struct PlaneMemory(nint Data, int Size, int Stride, int LineBytes, int Lines);
}
