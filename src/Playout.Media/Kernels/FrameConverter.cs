using System.Runtime.InteropServices;
using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Converts whole frames between pixel formats, line by line through 10-bit planar samples (the
/// pipeline's working form). Where a planar frame and a packed one both lie back to back
/// (<see cref="FrameLayout.JoinsLines"/>: 1920, 3840 and 7680 wide pool frames) the whole frame is one
/// line, so the kernels' set-up is paid once a frame, not once a line. A planar side is read or written
/// in place — a packed → planar conversion unpacks straight into the destination's lines — so no line is
/// copied twice. Line scratch for packed → packed is allocated once; converting frames allocates nothing.
/// BGRA is accepted as a source (graphics come in as BGRA; its alpha is dropped, the key is not computed);
/// it is not produced.
/// </summary>
public sealed class FrameConverter
{
    private readonly ushort[] _scratch;
    private readonly ColorMatrix _matrix;
    private readonly SimdPath _path;
    private readonly bool _streamed;

    /// <summary>The layouts converted line by line: the frames' own, or each frame as one line where both join (<see cref="FrameLayout.JoinsLines"/>).</summary>
    private readonly FrameLayout _lineSource, _lineTarget;

    /// <summary>Converts raw-file frames: tightly packed lines (v210 keeps its 128-byte stride).</summary>
    /// <exception cref="ArgumentException">Odd width, non-positive size, or BGRA as the destination.</exception>
    public FrameConverter(PixelFormat from, PixelFormat to, int width, int height, ColorMatrix? matrix = null, SimdPath path = SimdPath.Auto)
        : this(from.Layout(width, height), Destination(to).Layout(width, height), matrix, path)
    {
    }

    /// <summary>Converts between frames of any layout of the same size (e.g. 64-byte aligned pool frames).</summary>
    /// <param name="streamed">Whether the output is streamed past the cache; null: by the bytes a frame's conversion moves (<see cref="OutputStores"/>), decided once as the sizes are fixed.</param>
    public FrameConverter(FrameLayout source, FrameLayout destination, ColorMatrix? matrix = null, SimdPath path = SimdPath.Auto, bool? streamed = null)
    {
        Destination(destination.Format);
        if (source.Width != destination.Width || source.Height != destination.Height)
            throw new ArgumentException($"source {source} and destination {destination} differ in size; this converter does not scale");
        Source = source;
        Target = destination;
        _matrix = matrix ?? ColorMatrix.Bt709;
        _path = path;
        _streamed = streamed ?? OutputStores.Streams((long)source.TotalBytes + destination.TotalBytes);
        _scratch = new ushort[2 * source.Width];
        // Packed → packed goes through a scratch line, which stays a line of the picture.
        bool planar = source.Format == PixelFormat.Yuv422P10 || destination.Format == PixelFormat.Yuv422P10;
        (_lineSource, _lineTarget) = planar && source.JoinsLines && destination.JoinsLines
            ? (source.Joined(), destination.Joined())
            : (source, destination);
    }

    public FrameLayout Source { get; }

    /// <summary>The destination layout.</summary>
    public FrameLayout Target { get; }

    /// <summary>Converts one frame; each span must hold at least one frame of its layout.</summary>
    public void Convert(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        bool streamed = _streamed;
        if (source.Length < Source.TotalBytes)
            throw new ArgumentException($"a {Source} frame is {Source.TotalBytes} bytes; got {source.Length}", nameof(source));
        if (destination.Length < Target.TotalBytes)
            throw new ArgumentException($"a {Target} frame is {Target.TotalBytes} bytes; got {destination.Length}", nameof(destination));
        FrameLayout from = _lineSource, to = _lineTarget;
        int width = from.Width, half = width / 2;
        bool planarIn = from.Format == PixelFormat.Yuv422P10, planarOut = to.Format == PixelFormat.Yuv422P10;
        Span<ushort> scratch = _scratch;
        for (int line = 0; line < from.Height; line++)
        {
            if (planarIn && planarOut)
            {
                for (int plane = 0; plane < 3; plane++)
                    Plane(source, from, plane, line).CopyTo(WritablePlane(destination, to, plane, line));
            }
            else if (planarIn)
                Pack(Plane(source, from, 0, line), Plane(source, from, 1, line), Plane(source, from, 2, line), Line(destination, to, line), width, streamed);
            else if (planarOut)
                Unpack(Line(source, from, line), WritablePlane(destination, to, 0, line), WritablePlane(destination, to, 1, line),
                    WritablePlane(destination, to, 2, line), width, streamed);
            else
            {
                Span<ushort> y = scratch[..width], cb = scratch.Slice(width, half), cr = scratch.Slice(width + half, half);
                // The scratch line is read again at once: it stays in cache.
                Unpack(Line(source, from, line), y, cb, cr, width, streamed: false);
                Pack(y, cb, cr, Line(destination, to, line), width, streamed);
            }
        }
    }

    private static PixelFormat Destination(PixelFormat format) => format.HasAlpha
        ? throw new ArgumentException($"conversion to {format.Name} is not supported: BGRA is a graphics input format only", nameof(format))
        : format;

    private void Unpack(ReadOnlySpan<byte> line, Span<ushort> y, Span<ushort> cb, Span<ushort> cr, int width, bool streamed)
    {
        var format = Source.Format;
        if (format == PixelFormat.V210)
            V210.Unpack(line, y, cb, cr, width, _path, streamed);
        else if (format == PixelFormat.St2110Yuv422P10)
            St2110Pgroup.Unpack(line, y, cb, cr, width, _path, streamed);
        else if (format == PixelFormat.Uyvy422)
            Uyvy422.Unpack(line, y, cb, cr, width, _path, streamed);
        else
            BgraConverter.Convert(line, _matrix, y, cb, cr, [], [], width, _path, streamed);
    }

    private void Pack(ReadOnlySpan<ushort> y, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> line, int width, bool streamed)
    {
        var format = Target.Format;
        if (format == PixelFormat.V210)
            V210.Pack(y, cb, cr, line, width, _path, streamed);
        else if (format == PixelFormat.St2110Yuv422P10)
            St2110Pgroup.Pack(y, cb, cr, line, width, _path, streamed);
        else
            Uyvy422.Pack(y, cb, cr, line, width, _path, streamed);
    }

    private static int Start(FrameLayout layout, int plane, int line) => layout.Planes[plane].Offset + line * layout.Planes[plane].Stride;

    /// <summary>One packed line including its padding (v210 pads to its stride; packing zeroes the padding).</summary>
    private static Span<byte> Line(Span<byte> frame, FrameLayout layout, int line) =>
        frame.Slice(Start(layout, 0, line), layout.Planes[0].Stride);

    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> frame, FrameLayout layout, int line) =>
        frame.Slice(Start(layout, 0, line), layout.Planes[0].LineBytes);

    private static ReadOnlySpan<ushort> Plane(ReadOnlySpan<byte> frame, FrameLayout layout, int plane, int line) =>
        MemoryMarshal.Cast<byte, ushort>(frame.Slice(Start(layout, plane, line), layout.Planes[plane].LineBytes));

    private static Span<ushort> WritablePlane(Span<byte> frame, FrameLayout layout, int plane, int line) =>
        MemoryMarshal.Cast<byte, ushort>(frame.Slice(Start(layout, plane, line), layout.Planes[plane].LineBytes));
}
