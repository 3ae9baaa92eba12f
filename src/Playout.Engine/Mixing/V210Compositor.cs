using Playout.Engine.Stage;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Mixing;

/// <summary>
/// Whole-frame operations on v210 frames of one raster, each a single pass line by line: dissolve, wipe, push,
/// key, and picture-in-picture placement. Wipe and push edges move in whole v210 groups (6 pixels, 16 bytes),
/// so they are plain copies.
/// </summary>
public sealed class V210Compositor
{
    private readonly int _width;
    private readonly int _height;
    private readonly ushort[] _lines;
    private readonly ushort[] _opaqueKey;

    public V210Compositor(int width, int height)
    {
        _width = width;
        _height = height;
        // Planar scratch for picture-in-picture: four unpacked source lines, the scaled line and the line under it.
        _lines = new ushort[12 * width];
        _opaqueKey = new ushort[width];
        _opaqueKey.AsSpan().Fill(1023);
    }

    /// <summary>destination = from + (to − from)·amount.</summary>
    public void Dissolve(Frame from, Frame to, Frame destination, double amount)
    {
        for (int line = 0; line < _height; line++)
            FusedV210Keyer.DissolveLine(from.Line(0, line), to.Line(0, line), destination.WritableLine(0, line), _width, amount);
    }

    /// <summary>The new picture left (or right) of an edge at <paramref name="amount"/> of the width, the old one beyond it.</summary>
    public void Wipe(Frame from, Frame to, Frame destination, double amount, TransitionDirection direction)
    {
        int edge = EdgeBytes(amount);
        int split = direction == TransitionDirection.FromLeft ? edge : LineBytes - edge;
        Frame left = direction == TransitionDirection.FromLeft ? to : from, right = direction == TransitionDirection.FromLeft ? from : to;
        for (int line = 0; line < _height; line++)
        {
            Span<byte> output = destination.WritableLine(0, line);
            left.Line(0, line)[..split].CopyTo(output);
            right.Line(0, line)[split..].CopyTo(output[split..]);
        }
    }

    /// <summary>The new picture slides in from one side by <paramref name="amount"/> of the width, pushing the old one out the other.</summary>
    public void Push(Frame from, Frame to, Frame destination, double amount, TransitionDirection direction)
    {
        int shift = EdgeBytes(amount), bytes = LineBytes;
        for (int line = 0; line < _height; line++)
        {
            Span<byte> output = destination.WritableLine(0, line);
            ReadOnlySpan<byte> old = from.Line(0, line), incoming = to.Line(0, line);
            if (direction == TransitionDirection.FromLeft)
            {
                incoming[(bytes - shift)..bytes].CopyTo(output);
                old[..(bytes - shift)].CopyTo(output[shift..]);
            }
            else
            {
                old[shift..bytes].CopyTo(output);
                incoming[..shift].CopyTo(output[(bytes - shift)..]);
            }
        }
    }

    /// <summary>Keys graphics over <paramref name="video"/> into <paramref name="destination"/> (which may be <paramref name="video"/>).</summary>
    public void Key(Frame video, KeyedOverlay overlay, Frame destination, double opacity)
    {
        if (overlay.Width != _width || overlay.Height != _height)
            throw new ArgumentException($"graphics of {overlay.Width}x{overlay.Height} on a {_width}x{_height} channel");
        for (int line = 0; line < _height; line++)
        {
            // A frame keyed in place is its own source: read through the writable line so the spans are the same memory.
            ReadOnlySpan<byte> source = ReferenceEquals(video, destination) ? destination.WritableLine(0, line) : video.Line(0, line);
            FusedV210Keyer.KeyLine(source, overlay, line, destination.WritableLine(0, line), opacity);
        }
    }

    /// <summary>Copies every line of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public void Copy(Frame source, Frame destination)
    {
        for (int line = 0; line < _height; line++)
            source.Line(0, line).CopyTo(destination.WritableLine(0, line));
    }

    /// <summary>
    /// Draws <paramref name="source"/> scaled by 1/<see cref="PictureTransform.Divisor"/> at the transform's position
    /// over <paramref name="destination"/>, blended at <paramref name="opacity"/>. The placed picture is cut to whole
    /// 6-pixel groups and to the raster.
    /// </summary>
    public void Place(Frame source, Frame destination, PictureTransform transform, double opacity)
    {
        int divisor = transform.Divisor, x = transform.X / 6 * 6, y = transform.Y & ~1;
        int width = Math.Min(_width / divisor, _width - x) / 6 * 6, lines = Math.Min(_height / divisor, _height - y);
        if (width <= 0 || lines <= 0)
            return;
        int samples = _width / divisor, byteOffset = x / 6 * 16;
        Span<ushort> scaled = _lines.AsSpan(8 * _width, 2 * _width), under = _lines.AsSpan(10 * _width, 2 * _width);
        for (int line = 0; line < lines; line++)
        {
            for (int i = 0; i < divisor; i++)
            {
                Span<ushort> row = SourceRow(i);
                V210.Unpack(source.Line(0, line * divisor + i), row[.._width], row.Slice(_width, _width / 2), row.Slice(_width * 3 / 2, _width / 2), _width);
            }
            ScalePlane(0, _width, divisor, scaled[..samples]);
            ScalePlane(_width, _width / 2, divisor, scaled.Slice(samples, samples / 2));
            ScalePlane(_width * 3 / 2, _width / 2, divisor, scaled.Slice(samples * 3 / 2, samples / 2));
            Span<byte> target = destination.WritableLine(0, y + line).Slice(byteOffset, PixelFormat.V210LineBytes(width));
            Span<ushort> outY = scaled[..width], outCb = scaled.Slice(samples, width / 2), outCr = scaled.Slice(samples * 3 / 2, width / 2);
            if (opacity < 1)
            {
                Span<ushort> underY = under[..width], underCb = under.Slice(width, width / 2), underCr = under.Slice(width * 3 / 2, width / 2);
                V210.Unpack(target, underY, underCb, underCr, width);
                Keyer.KeyLine(underY, outY, _opaqueKey, outY, opacity);
                Keyer.KeyLine(underCb, outCb, _opaqueKey, outCb, opacity);
                Keyer.KeyLine(underCr, outCr, _opaqueKey, outCr, opacity);
            }
            V210.Pack(outY, outCb, outCr, target, width);
        }
    }

    private int LineBytes => PixelFormat.V210LineBytes(_width);

    /// <summary>The edge position in bytes, in whole 6-pixel groups.</summary>
    private int EdgeBytes(double amount) => Math.Min(LineBytes, (int)Math.Round(amount * LineBytes / 16) * 16);

    /// <summary>Source line i of the box, unpacked as Y | Cb | Cr.</summary>
    private Span<ushort> SourceRow(int i) => _lines.AsSpan(i * 2 * _width, 2 * _width);

    /// <summary>Box-filters one plane (at <paramref name="offset"/> in each source row) of the unpacked source lines.</summary>
    private void ScalePlane(int offset, int count, int divisor, Span<ushort> output)
    {
        if (divisor == 1)
            SourceRow(0).Slice(offset, count).CopyTo(output);
        else if (divisor == 2)
            Downscaler.Halve(SourceRow(0).Slice(offset, count), SourceRow(1).Slice(offset, count), output);
        else
            Downscaler.Quarter(SourceRow(0).Slice(offset, count), SourceRow(1).Slice(offset, count),
                SourceRow(2).Slice(offset, count), SourceRow(3).Slice(offset, count), output);
    }
}
