using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Tests.Mixing;

/// <summary>
/// The mixer's operations written the plain way, to check the compositor against: unpack the input lines to planar
/// samples, compute each output sample straight from its definition, pack. Planes are indexed 0 (Y, one sample per
/// pixel), 1 (Cb) and 2 (Cr), whose sample i sits on pixel 2i.
/// </summary>
internal sealed class MixReference(int width, int height)
{
    public int Width => width;
    public int Height => height;

    /// <summary>One line of all three planes.</summary>
    public sealed class Line(int width)
    {
        public ushort[][] Planes { get; } = [new ushort[width], new ushort[width / 2], new ushort[width / 2]];
    }

    public Line Read(Frame frame, int line)
    {
        var result = new Line(width);
        V210.Unpack(frame.Line(0, line), result.Planes[0], result.Planes[1], result.Planes[2], width);
        return result;
    }

    /// <summary>The packed line the frame must hold: the samples, then zeros to the end of the frame's line.</summary>
    public byte[] Pack(Line line, int bytes)
    {
        var packed = new byte[bytes];
        V210.Pack(line.Planes[0], line.Planes[1], line.Planes[2], packed, width);
        return packed;
    }

    /// <summary>The keying formula of docs/KERNELS.md for a 10-bit key and an opacity of 0..1.</summary>
    public static int Blend(int background, int fill, int key, double opacity)
    {
        int o = (int)Math.Round(opacity * 1024, MidpointRounding.AwayFromZero);
        int k = key + (key >> 9);
        int effective = o == 1024 ? k : (k * o + 512) >> 10;
        return background + (((fill - background) * effective + 512) >> 10);
    }

    /// <summary>Pixel of sample <paramref name="i"/> in <paramref name="plane"/>.</summary>
    public static int PixelOf(int plane, int i) => plane == 0 ? i : 2 * i;

    /// <summary>Sample of pixel <paramref name="x"/> in <paramref name="plane"/> (x even for chroma).</summary>
    public static int SampleOf(int plane, int x) => plane == 0 ? x : x / 2;

    public Line Dissolve(Line from, Line to, double amount) =>
        Map((plane, i) => Blend(from.Planes[plane][i], to.Planes[plane][i], 1023, amount));

    /// <summary>Groups from the entering side to the edge: amount of the line's groups (the last may be partial), rounded.</summary>
    public int EdgeGroups(double amount) => (int)Math.Round(amount * ((width + 5) / 6), MidpointRounding.AwayFromZero);

    public Line Wipe(Line from, Line to, double amount, bool fromLeft)
    {
        int groups = EdgeGroups(amount), all = (width + 5) / 6;
        int boundary = Math.Min(width, 6 * (fromLeft ? groups : all - groups));
        Line left = fromLeft ? to : from, right = fromLeft ? from : to;
        return Map((plane, i) => PixelOf(plane, i) < boundary ? left.Planes[plane][i] : right.Planes[plane][i]);
    }

    public Line Push(Line from, Line to, double amount, bool fromLeft)
    {
        int shift = Math.Min(width, 6 * EdgeGroups(amount));
        return Map((plane, i) =>
        {
            int x = PixelOf(plane, i);
            if (fromLeft)
                return x < shift ? to.Planes[plane][SampleOf(plane, x + width - shift)] : from.Planes[plane][SampleOf(plane, x - shift)];
            return x < width - shift ? from.Planes[plane][SampleOf(plane, x + shift)] : to.Planes[plane][SampleOf(plane, x - (width - shift))];
        });
    }

    /// <summary>
    /// Keys a BGRA graphic (<paramref name="graphicWidth"/> wide, tightly packed) with its top-left corner at (x, y) over
    /// raster line <paramref name="line"/>: the graphic is laid into a transparent raster line, converted with the planar
    /// BGRA converter (so chroma pairs are the raster's), and each sample keyed.
    /// </summary>
    public Line Key(Line video, int line, byte[] graphic, int graphicWidth, int x, int y, double opacity)
    {
        int row = line - y, graphicHeight = graphic.Length / 4 / graphicWidth;
        if (row < 0 || row >= graphicHeight)
            return video;
        var bgra = new byte[width * 4];
        int columns = Math.Min(graphicWidth, width - x);
        graphic.AsSpan(row * graphicWidth * 4, columns * 4).CopyTo(bgra.AsSpan(x * 4));
        var fill = new Line(width);
        var lumaKey = new ushort[width];
        var chromaKey = new ushort[width / 2];
        BgraConverter.Convert(bgra, ColorMatrix.Bt709, fill.Planes[0], fill.Planes[1], fill.Planes[2], lumaKey, chromaKey, width);
        return Map((plane, i) => Blend(video.Planes[plane][i], fill.Planes[plane][i], plane == 0 ? lumaKey[i] : chromaKey[i], opacity));
    }

    /// <summary>
    /// Line <paramref name="line"/> of <paramref name="under"/> with <paramref name="source"/> scaled by 1/divisor (each sample
    /// the rounded mean of a divisor×divisor box of its plane) drawn at (x &amp; ~1, y &amp; ~1), cut to the raster, at opacity.
    /// </summary>
    public Line Place(Frame source, Line under, int line, int x, int y, int divisor, double opacity)
    {
        x &= ~1;
        y &= ~1;
        int placedWidth = Math.Min(width / divisor & ~1, width - x), placedLines = Math.Min(height / divisor, height - y), row = line - y;
        if (row < 0 || row >= placedLines || placedWidth <= 0)
            return under;
        var box = Enumerable.Range(row * divisor, divisor).Select(l => Read(source, l)).ToArray();
        return Map((plane, i) =>
        {
            int px = PixelOf(plane, i);
            if (px < x || px >= x + placedWidth)
                return under.Planes[plane][i];
            int s = SampleOf(plane, px - x), sum = 0;
            foreach (var boxLine in box)
                for (int k = 0; k < divisor; k++)
                    sum += boxLine.Planes[plane][s * divisor + k];
            int scaled = (sum + divisor * divisor / 2) / (divisor * divisor);
            return Blend(under.Planes[plane][i], scaled, 1023, opacity);
        });
    }

    private Line Map(Func<int, int, int> sample)
    {
        var result = new Line(width);
        for (int plane = 0; plane < 3; plane++)
            for (int i = 0; i < result.Planes[plane].Length; i++)
                result.Planes[plane][i] = (ushort)sample(plane, i);
        return result;
    }
}
