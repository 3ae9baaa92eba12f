using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>A band of flat colour: pixels up to (not including) <see cref="EndX"/> share one Y'CbCr value.</summary>
public readonly record struct ColorBand(int EndX, ushort Y, ushort Cb, ushort Cr);

/// <summary>Paints synthetic pictures (colour fields, bars) into v210 frames: one line is packed, the rest copied.</summary>
public static class V210Painter
{
    /// <summary>Fills lines [firstLine, firstLine + lines) with horizontal bands of colour, left to right.</summary>
    public static void PaintBands(Frame frame, int firstLine, int lines, ReadOnlySpan<ColorBand> bands)
    {
        int width = frame.Layout.Width;
        var luma = new ushort[width];
        var cb = new ushort[width / 2];
        var cr = new ushort[width / 2];
        int x = 0;
        foreach (var band in bands)
        {
            int end = Math.Min(band.EndX, width);
            for (; x < end; x++)
            {
                luma[x] = band.Y;
                if (x % 2 == 0)
                {
                    cb[x / 2] = band.Cb;
                    cr[x / 2] = band.Cr;
                }
            }
        }
        Span<byte> first = frame.WritableLine(0, firstLine);
        V210.Pack(luma, cb, cr, first, width);
        for (int line = firstLine + 1; line < firstLine + lines; line++)
            first.CopyTo(frame.WritableLine(0, line));
    }

    /// <summary>Fills the whole frame with one colour.</summary>
    public static void PaintSolid(Frame frame, ushort y, ushort cb, ushort cr) =>
        PaintBands(frame, 0, frame.Layout.Height, [new ColorBand(frame.Layout.Width, y, cb, cr)]);
}
