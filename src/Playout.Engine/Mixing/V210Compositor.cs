using Playout.Engine.Stage;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Mixing;

/// <summary>
/// Whole-frame operations on v210 frames of one raster, each a single pass line by line: dissolve, wipe, push,
/// key, and picture-in-picture placement. Lines are the frames' own (<see cref="Frame.Line"/>: whole 48-pixel
/// blocks), which is what the block-wise kernels take at every width. Wipe and push edges move in whole v210
/// groups (6 pixels, 16 bytes), so where a line is whole groups they are plain copies. Keys and dissolves of frames big enough
/// (8K) run on two cores at once, in bands both take (<see cref="LineStripes"/>); the copies gain nothing from a second core (memory is
/// their limit), and the rest use the one set of scratch lines.
/// </summary>
public sealed class V210Compositor : IDisposable
{
    private readonly int _width;
    private readonly int _height;
    private readonly ushort[] _lines;
    private readonly ushort[] _opaqueKey;
    private readonly LineStripes _stripes;
    private readonly Action<int, int> _keyLines, _dissolveLines;

    // The split operation under way: set before a run of the stripes, cleared after it.
    private Frame? _first, _second, _output;
    private KeyedOverlay? _overlay;
    private double _amount;

    /// <summary>
    /// A compositor for one channel's raster; <paramref name="name"/> (the channel's) names its helper thread, if it has one,
    /// and <paramref name="realTime"/> (the channel's clock is) gives that thread the tick's priority.
    /// </summary>
    public V210Compositor(int width, int height, string name, bool realTime)
        : this(width, height, new LineStripes(name, LineStripes.Splits(PixelFormat.V210Stride(width) * (long)height, Environment.ProcessorCount), realTime))
    {
    }

    /// <summary>With the stripes given: tests split small frames to compare both ways.</summary>
    internal V210Compositor(int width, int height, LineStripes stripes)
    {
        _width = width;
        _height = height;
        _stripes = stripes;
        _keyLines = KeyLines;
        _dissolveLines = DissolveLines;
        // Planar scratch, one line (Y | Cb | Cr, 2·width samples) each: four source lines, the scaled line and the line under it.
        _lines = new ushort[12 * width];
        _opaqueKey = new ushort[width];
        _opaqueKey.AsSpan().Fill(1023);
    }

    /// <summary>v210 groups in a line, the last one partial where the width is not a multiple of 6 (1280).</summary>
    private int Groups => (_width + 5) / 6;

    /// <summary>destination = from + (to − from)·amount.</summary>
    public void Dissolve(Frame from, Frame to, Frame destination, double amount)
    {
        (_first, _second, _output, _amount) = (from, to, destination, amount);
        RunStripes(_dissolveLines);
    }

    private void DissolveLines(int first, int end)
    {
        for (int line = first; line < end; line++)
            FusedV210Keyer.DissolveLine(_first!.Line(0, line), _second!.Line(0, line), _output!.WritableLine(0, line), _width, _amount);
    }

    /// <summary>
    /// The new picture on one side of an edge, the old one on the other. The edge lies on the group boundary nearest
    /// <paramref name="amount"/> of the way across from the side the new picture enters.
    /// </summary>
    public void Wipe(Frame from, Frame to, Frame destination, double amount, TransitionDirection direction)
    {
        int groups = EdgeGroups(amount);
        int split = 16 * (direction == TransitionDirection.FromLeft ? groups : Groups - groups);
        Frame left = direction == TransitionDirection.FromLeft ? to : from, right = direction == TransitionDirection.FromLeft ? from : to;
        for (int line = 0; line < _height; line++)
        {
            Span<byte> output = destination.WritableLine(0, line);
            left.Line(0, line)[..split].CopyTo(output);
            right.Line(0, line)[split..].CopyTo(output[split..]);
        }
    }

    /// <summary>
    /// The new picture slides in from one side by <paramref name="amount"/> of the width (in whole groups), pushing the
    /// old one out the other. A width of whole groups moves bytes; another (1280) moves samples, since one of the two
    /// pictures then starts inside a group.
    /// </summary>
    public void Push(Frame from, Frame to, Frame destination, double amount, TransitionDirection direction)
    {
        int shift = Math.Min(_width, 6 * EdgeGroups(amount));
        bool fromLeft = direction == TransitionDirection.FromLeft;
        for (int line = 0; line < _height; line++)
        {
            Span<byte> output = destination.WritableLine(0, line);
            ReadOnlySpan<byte> old = from.Line(0, line), incoming = to.Line(0, line);
            if (_width % 6 == 0)
            {
                int bytes = 16 * Groups, moved = 16 * (shift / 6);
                if (fromLeft)
                {
                    incoming[(bytes - moved)..bytes].CopyTo(output);
                    old[..(bytes - moved)].CopyTo(output[moved..]);
                }
                else
                {
                    old[moved..bytes].CopyTo(output);
                    incoming[..moved].CopyTo(output[(bytes - moved)..]);
                }
                output[bytes..].Clear();
                continue;
            }
            Span<ushort> oldSamples = Row(0), incomingSamples = Row(1), mixed = Row(2);
            Unpack(old, oldSamples);
            Unpack(incoming, incomingSamples);
            int oldStart = fromLeft ? 0 : shift, oldAt = fromLeft ? shift : 0;
            int newStart = fromLeft ? _width - shift : 0, newAt = fromLeft ? 0 : _width - shift;
            CopySamples(oldSamples, oldStart, mixed, oldAt, _width - shift);
            CopySamples(incomingSamples, newStart, mixed, newAt, shift);
            Pack(mixed, output);
        }
    }

    /// <summary>
    /// Keys graphics over <paramref name="video"/> into <paramref name="destination"/> (which may be <paramref name="video"/>).
    /// Only the graphic's rectangle is keyed; the rest of the picture is copied (or, in place, left alone).
    /// </summary>
    public void Key(Frame video, KeyedOverlay overlay, Frame destination, double opacity)
    {
        if (overlay.Left + overlay.Width > _width || overlay.Top + overlay.Height > _height)
            throw new ArgumentException($"graphics of {overlay.Width}x{overlay.Height} at ({overlay.Left}, {overlay.Top}) do not fit a {_width}x{_height} channel");
        (_first, _overlay, _output, _amount) = (video, overlay, destination, opacity);
        RunStripes(_keyLines);
    }

    private void KeyLines(int firstLine, int endLine)
    {
        Frame video = _first!, destination = _output!;
        KeyedOverlay overlay = _overlay!;
        double opacity = _amount;
        bool inPlace = ReferenceEquals(video, destination);
        int from = overlay.LineOffset, end = from + overlay.Stride;
        for (int line = firstLine; line < endLine; line++)
        {
            int row = line - overlay.Top;
            bool covered = row >= 0 && row < overlay.Height;
            if (inPlace)
            {
                if (covered)
                {
                    Span<byte> keyed = destination.WritableLine(0, line)[from..end];
                    FusedV210Keyer.KeyLine(keyed, overlay, row, keyed, opacity);
                }
                continue;
            }
            ReadOnlySpan<byte> source = video.Line(0, line);
            Span<byte> output = destination.WritableLine(0, line);
            if (!covered)
            {
                source.CopyTo(output);
                continue;
            }
            source[..from].CopyTo(output);
            source[end..].CopyTo(output[end..]);
            FusedV210Keyer.KeyLine(source[from..end], overlay, row, output[from..end], opacity);
        }
    }

    private void RunStripes(Action<int, int> lines)
    {
        try
        {
            _stripes.Run(lines, _height);
        }
        finally
        {
            (_first, _second, _output, _overlay) = (null, null, null, null);
        }
    }

    public void Dispose() => _stripes.Dispose();

    /// <summary>Copies every line of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public void Copy(Frame source, Frame destination)
    {
        for (int line = 0; line < _height; line++)
            source.Line(0, line).CopyTo(destination.WritableLine(0, line));
    }

    /// <summary>
    /// Draws <paramref name="source"/> scaled by 1/<see cref="PictureTransform.Divisor"/> at the transform's position
    /// over <paramref name="destination"/>, blended at <paramref name="opacity"/>. X snaps down to an even pixel (4:2:2
    /// chroma pairs) and Y to an even line; the placed picture is cut to the raster. The groups the picture touches are
    /// unpacked, drawn into and packed again, so pixels beside it in the same group keep their values.
    /// </summary>
    public void Place(Frame source, Frame destination, PictureTransform transform, double opacity)
    {
        int divisor = transform.Divisor, x = transform.X & ~1, y = transform.Y & ~1;
        int samples = _width / divisor & ~1, width = Math.Min(samples, _width - x), lines = Math.Min(_height / divisor, _height - y);
        if (width <= 0 || lines <= 0)
            return;
        // The run of whole groups under the picture: [first, last) in pixels, the last cut to the raster.
        int first = x / 6 * 6, last = Math.Min(_width, (x + width + 5) / 6 * 6), run = last - first, at = x - first;
        Span<ushort> scaled = Row(4), under = Row(5);
        for (int line = 0; line < lines; line++)
        {
            for (int i = 0; i < divisor; i++)
                Unpack(source.Line(0, line * divisor + i), Row(i));
            ScalePlane(0, _width, divisor, scaled[..samples]);
            ScalePlane(_width, _width / 2, divisor, scaled.Slice(samples, samples / 2));
            ScalePlane(_width * 3 / 2, _width / 2, divisor, scaled.Slice(samples * 3 / 2, samples / 2));
            Span<byte> line210 = destination.WritableLine(0, y + line);
            // A run that reaches the raster's edge takes the rest of the line, so packing rewrites the padding after it too.
            Span<byte> target = last == _width ? line210[(first / 6 * 16)..] : line210.Slice(first / 6 * 16, run / 6 * 16);
            Span<ushort> underY = under[..run], underCb = under.Slice(run, run / 2), underCr = under.Slice(run * 3 / 2, run / 2);
            V210.Unpack(target, underY, underCb, underCr, run);
            Span<ushort> drawY = underY.Slice(at, width), drawCb = underCb.Slice(at / 2, width / 2), drawCr = underCr.Slice(at / 2, width / 2);
            Keyer.KeyLine(drawY, scaled[..width], _opaqueKey, drawY, opacity);
            Keyer.KeyLine(drawCb, scaled.Slice(samples, width / 2), _opaqueKey, drawCb, opacity);
            Keyer.KeyLine(drawCr, scaled.Slice(samples * 3 / 2, width / 2), _opaqueKey, drawCr, opacity);
            V210.Pack(underY, underCb, underCr, target, run);
        }
    }

    /// <summary>Groups from the entering side to the edge for a transition at <paramref name="amount"/>.</summary>
    private int EdgeGroups(double amount) => (int)Math.Round(Math.Clamp(amount, 0, 1) * Groups, MidpointRounding.AwayFromZero);

    /// <summary>Scratch line i, unpacked as Y | Cb | Cr.</summary>
    private Span<ushort> Row(int i) => _lines.AsSpan(i * 2 * _width, 2 * _width);

    private void Unpack(ReadOnlySpan<byte> line, Span<ushort> row) =>
        V210.Unpack(line, row[.._width], row.Slice(_width, _width / 2), row.Slice(_width * 3 / 2, _width / 2), _width);

    private void Pack(ReadOnlySpan<ushort> row, Span<byte> line) =>
        V210.Pack(row[.._width], row.Slice(_width, _width / 2), row.Slice(_width * 3 / 2, _width / 2), line, _width);

    /// <summary>Copies <paramref name="count"/> pixels (an even number from an even one) between unpacked lines.</summary>
    private void CopySamples(ReadOnlySpan<ushort> source, int from, Span<ushort> destination, int to, int count)
    {
        source.Slice(from, count).CopyTo(destination.Slice(to, count));
        for (int plane = 1; plane <= 2; plane++)
        {
            int offset = _width + (plane - 1) * _width / 2;
            source.Slice(offset + from / 2, count / 2).CopyTo(destination.Slice(offset + to / 2, count / 2));
        }
    }

    /// <summary>Box-filters one plane (at <paramref name="offset"/> in each source row) of the unpacked source lines.</summary>
    private void ScalePlane(int offset, int count, int divisor, Span<ushort> output)
    {
        if (divisor == 1)
            Row(0).Slice(offset, count)[..output.Length].CopyTo(output);
        else if (divisor == 2)
            Downscaler.Halve(Row(0).Slice(offset, count), Row(1).Slice(offset, count), output);
        else
            Downscaler.Quarter(Row(0).Slice(offset, count), Row(1).Slice(offset, count),
                Row(2).Slice(offset, count), Row(3).Slice(offset, count), output);
    }
}
