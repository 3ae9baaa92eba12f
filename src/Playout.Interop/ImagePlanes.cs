namespace Playout.Interop;

/// <summary>
/// Up to four planes of a picture that a call writes, in FFmpeg's plane order (e.g. Y, Cb, Cr for yuv422p10le;
/// a single plane for packed formats such as uyvy422 or bgra). Strides are in bytes; unused planes stay empty.
/// </summary>
public readonly ref struct ImagePlanes
{
    public ImagePlanes(Span<byte> plane0, int stride0, Span<byte> plane1 = default, int stride1 = 0,
        Span<byte> plane2 = default, int stride2 = 0, Span<byte> plane3 = default, int stride3 = 0)
    {
        Plane0 = plane0;
        Stride0 = stride0;
        Plane1 = plane1;
        Stride1 = stride1;
        Plane2 = plane2;
        Stride2 = stride2;
        Plane3 = plane3;
        Stride3 = stride3;
    }

    public Span<byte> Plane0 { get; }
    public int Stride0 { get; }
    public Span<byte> Plane1 { get; }
    public int Stride1 { get; }
    public Span<byte> Plane2 { get; }
    public int Stride2 { get; }
    public Span<byte> Plane3 { get; }
    public int Stride3 { get; }

    /// <summary>The same planes, for a call that reads them.</summary>
    public static implicit operator ReadOnlyImagePlanes(ImagePlanes planes) =>
        new(planes.Plane0, planes.Stride0, planes.Plane1, planes.Stride1, planes.Plane2, planes.Stride2, planes.Plane3, planes.Stride3);
}
