using System.Runtime.InteropServices;
using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Converts whole frames between pixel formats, line by line through 10-bit planar samples (the
/// pipeline's working form), with tightly packed lines as in raw files (v210 keeps its 128-byte
/// stride). Line scratch is allocated once, so converting many frames allocates nothing.
/// BGRA is accepted as a source (graphics come in as BGRA); it is not produced.
/// </summary>
public sealed class FrameConverter
{
    private readonly ushort[] _scratch;
    private readonly ColorMatrix _matrix;
    private readonly SimdPath _path;

    /// <exception cref="ArgumentException">Odd width, non-positive size, or BGRA as the destination.</exception>
    public FrameConverter(PixelFormat from, PixelFormat to, int width, int height, ColorMatrix? matrix = null, SimdPath path = SimdPath.Auto)
    {
        if (to.HasAlpha)
            throw new ArgumentException($"conversion to {to.Name} is not supported: BGRA is a graphics input format only", nameof(to));
        Source = from.Layout(width, height);
        Destination = to.Layout(width, height);
        _matrix = matrix ?? ColorMatrix.Bt709;
        _path = path;
        _scratch = new ushort[3 * width + width / 2];
    }

    public FrameLayout Source { get; }
    public FrameLayout Destination { get; }

    /// <summary>Converts one frame; both spans must hold exactly one frame of their layout.</summary>
    public void Convert(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != Source.TotalBytes)
            throw new ArgumentException($"a {Source} frame is {Source.TotalBytes} bytes; got {source.Length}", nameof(source));
        if (destination.Length != Destination.TotalBytes)
            throw new ArgumentException($"a {Destination} frame is {Destination.TotalBytes} bytes; got {destination.Length}", nameof(destination));
        int width = Source.Width, half = width / 2;
        Span<ushort> scratch = _scratch;
        Span<ushort> y = scratch[..width], cb = scratch.Slice(width, half), cr = scratch.Slice(width + half, half);
        Span<ushort> keyScratch = scratch.Slice(2 * width, width + half);
        for (int line = 0; line < Source.Height; line++)
        {
            ReadOnlySpan<ushort> ly = y, lcb = cb, lcr = cr;
            if (Source.Format == PixelFormat.Yuv422P10)
            {
                ly = Plane(source, Source, 0, line);
                lcb = Plane(source, Source, 1, line);
                lcr = Plane(source, Source, 2, line);
            }
            else
                Unpack(Line(source, Source, line), y, cb, cr, keyScratch);

            if (Destination.Format == PixelFormat.Yuv422P10)
            {
                ly.CopyTo(WritablePlane(destination, Destination, 0, line));
                lcb.CopyTo(WritablePlane(destination, Destination, 1, line));
                lcr.CopyTo(WritablePlane(destination, Destination, 2, line));
            }
            else
                Pack(ly, lcb, lcr, WritableLine(destination, Destination, line));
        }
    }

    private void Unpack(ReadOnlySpan<byte> line, Span<ushort> y, Span<ushort> cb, Span<ushort> cr, Span<ushort> keyScratch)
    {
        int width = Source.Width;
        var format = Source.Format;
        if (format == PixelFormat.V210)
            V210.Unpack(line, y, cb, cr, width, _path);
        else if (format == PixelFormat.St2110Yuv422P10)
            St2110Pgroup.Unpack(line, y, cb, cr, width, _path);
        else if (format == PixelFormat.Uyvy422)
            Uyvy422.Unpack(line, y, cb, cr, width, _path);
        else
            BgraConverter.Convert(line, format.PremultipliedAlpha, _matrix, y, cb, cr, keyScratch[..width], keyScratch[width..], width, _path);
    }

    private void Pack(ReadOnlySpan<ushort> y, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> line)
    {
        int width = Destination.Width;
        var format = Destination.Format;
        if (format == PixelFormat.V210)
            V210.Pack(y, cb, cr, line, width, _path);
        else if (format == PixelFormat.St2110Yuv422P10)
            St2110Pgroup.Pack(y, cb, cr, line, width, _path);
        else
            Uyvy422.Pack(y, cb, cr, line, width, _path);
    }

    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> frame, FrameLayout layout, int line) =>
        frame.Slice(layout.Planes[0].Offset + line * layout.Planes[0].Stride, layout.Planes[0].Stride);

    private static Span<byte> WritableLine(Span<byte> frame, FrameLayout layout, int line) =>
        frame.Slice(layout.Planes[0].Offset + line * layout.Planes[0].Stride, layout.Planes[0].Stride);

    private static ReadOnlySpan<ushort> Plane(ReadOnlySpan<byte> frame, FrameLayout layout, int plane, int line) =>
        MemoryMarshal.Cast<byte, ushort>(frame.Slice(layout.Planes[plane].Offset + line * layout.Planes[plane].Stride, layout.Planes[plane].LineBytes));

    private static Span<ushort> WritablePlane(Span<byte> frame, FrameLayout layout, int plane, int line) =>
        MemoryMarshal.Cast<byte, ushort>(frame.Slice(layout.Planes[plane].Offset + line * layout.Planes[plane].Stride, layout.Planes[plane].LineBytes));
}
