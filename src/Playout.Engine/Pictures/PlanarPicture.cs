using System.Runtime.InteropServices;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Pictures;

/// <summary>
/// A channel-sized 10-bit 4:2:2 planar working picture in FFmpeg-ready memory, between v210 pool frames and FFmpeg:
/// decoders write into it (a fitted <see cref="Region"/> only, so letterbox bars stay black without being painted
/// again) and it is packed into a frame; encoders get a frame unpacked into it. Each direction is one SIMD pass.
/// </summary>
internal sealed class PlanarPicture : IDisposable
{
    private readonly AlignedPicture _picture;

    /// <summary>Whether no plane pads its lines, so each plane is one line of Width·Height samples (the strides are fixed).</summary>
    private readonly bool _unpadded;

    /// <summary>A black picture.</summary>
    public PlanarPicture(int width, int height)
    {
        Width = width;
        Height = height;
        _picture = AlignedPicture.Yuv422P10(width, height);
        _picture.Samples(0).Fill(64);
        _picture.Samples(1).Fill(512);
        _picture.Samples(2).Fill(512);
        _unpadded = Enumerable.Range(0, 3).All(plane => _picture.Stride(plane) == _picture.LineBytes(plane));
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>The three planes, for FFmpeg to read.</summary>
    public ReadOnlyImagePlanes Planes => _picture.AsSource();

    /// <summary>The planes from (<paramref name="x"/>, <paramref name="y"/>) on, for FFmpeg to write a rectangle there.</summary>
    public ImagePlanes Region(int x, int y) => new(
        _picture.Plane(0)[(y * _picture.Stride(0) + x * 2)..], _picture.Stride(0),
        _picture.Plane(1)[(y * _picture.Stride(1) + x)..], _picture.Stride(1),
        _picture.Plane(2)[(y * _picture.Stride(2) + x)..], _picture.Stride(2));

    /// <summary>Packs the whole picture into a writable v210 frame of the same raster.</summary>
    public void PackInto(Frame frame)
    {
        bool streamed = OutputStores.Streams(PlanarBytes + frame.Layout.TotalBytes);
        if (JoinsLines(frame))
        {
            V210.Pack(Run(0), Run(1), Run(2), frame.WritablePlane(0), Width * Height, streamed: streamed);
            return;
        }
        for (int line = 0; line < Height; line++)
            V210.Pack(Samples(0, line), Samples(1, line), Samples(2, line), frame.WritableLine(0, line), Width, streamed: streamed);
    }

    /// <summary>Unpacks a v210 frame of the same raster into the whole picture.</summary>
    public void UnpackFrom(Frame frame)
    {
        bool streamed = OutputStores.Streams(PlanarBytes + frame.Layout.TotalBytes);
        if (JoinsLines(frame))
        {
            V210.Unpack(frame.Plane(0), Run(0), Run(1), Run(2), Width * Height, streamed: streamed);
            return;
        }
        for (int line = 0; line < Height; line++)
            V210.Unpack(frame.Line(0, line), Samples(0, line), Samples(1, line), Samples(2, line), Width, streamed: streamed);
    }

    /// <summary>
    /// Makes an interlaced picture progressive in place (<see cref="FieldBlend"/>): each line a quarter of the one above,
    /// half itself and a quarter of the one below (the first and last lines their one neighbour twice), so its two fields
    /// meet in every line without combs.
    /// </summary>
    public void BlendFields()
    {
        _above ??= new ushort[Width];
        _original ??= new ushort[Width];
        for (int plane = 0; plane < 3; plane++)
        {
            int samples = plane == 0 ? Width : (Width + 1) / 2;
            Span<ushort> above = _above.AsSpan(0, samples), original = _original.AsSpan(0, samples);
            // The edges take the other field's one neighbour for both, as the lines inside take one of each.
            Samples(plane, Math.Min(1, Height - 1))[..samples].CopyTo(above);
            for (int line = 0; line < Height; line++)
            {
                var current = Samples(plane, line)[..samples];
                current.CopyTo(original);
                FieldBlend.Line(above, original, line + 1 < Height ? Samples(plane, line + 1)[..samples] : above, current);
                original.CopyTo(above);
            }
        }
    }

    private ushort[]? _above, _original;

    private long PlanarBytes => (long)(_picture.Stride(0) + _picture.Stride(1) + _picture.Stride(2)) * Height;

    /// <summary>
    /// Whether the frame and every plane of the picture lie back to back, so both are one line of Width·Height pixels and
    /// the kernel is called once, not once a line (<see cref="FrameLayout.JoinsLines"/>).
    /// </summary>
    private bool JoinsLines(Frame frame) => _unpadded && frame.Layout.JoinsLines;

    /// <summary>A whole plane's samples as one line, where the picture <see cref="JoinsLines"/>.</summary>
    private Span<ushort> Run(int plane) => MemoryMarshal.Cast<byte, ushort>(_picture.Plane(plane)[..(_picture.LineBytes(plane) * Height)]);

    public void Dispose() => _picture.Dispose();

    private Span<ushort> Samples(int plane, int line) => MemoryMarshal.Cast<byte, ushort>(_picture.Line(plane, line));
}
