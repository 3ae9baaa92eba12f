using Playout.Engine.Channels;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>Producers that need no media: colour fields, and colour bars with line-up tone.</summary>
public static class SyntheticProducers
{
    /// <summary>Line-up tone frequency.</summary>
    public const double ToneFrequency = 1000;

    /// <summary>A field of one colour, silent (black + silence is the default filler).</summary>
    /// <exception cref="FormatException">The colour is not understood.</exception>
    public static StillProducer Color(ChannelContext channel, string spec)
    {
        var (r, g, b) = ColorSpec.Parse(spec);
        var (y, cb, cr) = channel.Matrix.FromRgb(r, g, b);
        var frame = channel.VideoPool.Rent();
        V210Painter.PaintSolid(frame, y, cb, cr);
        frame.Commit();
        return new StillProducer($"colour {spec}", frame);
    }

    /// <summary>Colour bars with 1 kHz tone on channels 1 and 2 at the standard's line-up level unless <paramref name="toneLevel"/> says otherwise.</summary>
    public static StillProducer Bars(ChannelContext channel, BarsStandard standard, double? toneLevel = null)
    {
        var frame = channel.VideoPool.Rent();
        PaintBars(frame, channel.Matrix, standard);
        frame.Commit();
        double level = toneLevel ?? (standard == BarsStandard.Ebu ? -18 : -20);
        var tone = new ToneGenerator(channel.AudioPool, ToneFrequency, level, [0, 1]);
        return new StillProducer($"{standard} bars, tone {level} dBFS", frame, tone: tone);
    }

    /// <summary>Paints the standard's bars over the whole of a writable frame.</summary>
    public static void PaintBars(Media.Frames.Frame frame, ColorMatrix matrix, BarsStandard standard)
    {
        if (standard == BarsStandard.Ebu)
            PaintEbu(frame, matrix);
        else
            PaintSmpte(frame, matrix);
    }

    private static void PaintEbu(Media.Frames.Frame frame, ColorMatrix matrix)
    {
        // 100/0/75/0: white at 100 %, the colours at 75 %, black.
        (double, double, double)[] colours =
            [(1, 1, 1), (.75, .75, 0), (0, .75, .75), (0, .75, 0), (.75, 0, .75), (.75, 0, 0), (0, 0, .75), (0, 0, 0)];
        V210PainterBands(frame, 0, frame.Layout.Height, matrix, colours);
    }

    private static void PaintSmpte(Media.Frames.Frame frame, ColorMatrix matrix)
    {
        int height = frame.Layout.Height, width = frame.Layout.Width;
        int top = height * 2 / 3 & ~1, middle = height / 12 & ~1;
        V210PainterBands(frame, 0, top, matrix,
            [(.75, .75, .75), (.75, .75, 0), (0, .75, .75), (0, .75, 0), (.75, 0, .75), (.75, 0, 0), (0, 0, .75)]);
        V210PainterBands(frame, top, middle, matrix,
            [(0, 0, .75), (0, 0, 0), (.75, 0, .75), (0, 0, 0), (0, .75, .75), (0, 0, 0), (.75, .75, .75)]);
        // Bottom row: −I, 100 % white, +Q, black, then PLUGE (−4 %, 0, +4 % around black) and black.
        var (iy, icb, icr) = matrix.FromRgb(0, 0.247, 0.416);
        var (wy, wcb, wcr) = matrix.FromRgb(1, 1, 1);
        var (qy, qcb, qcr) = matrix.FromRgb(0.263, 0, 0.51);
        int step = width / 28 * 2;
        ColorBand[] bottom =
        [
            new(5 * step, iy, icb, icr), new(10 * step, wy, wcb, wcr), new(15 * step, qy, qcb, qcr),
            new(20 * step, 64, 512, 512), new(20 * step + step * 2 / 3 & ~1, 29, 512, 512),
            new(20 * step + step * 4 / 3 & ~1, 64, 512, 512), new(22 * step, 99, 512, 512), new(width, 64, 512, 512),
        ];
        V210Painter.PaintBands(frame, top + middle, height - top - middle, bottom);
    }

    /// <summary>Equal-width bars of R'G'B' colours across the picture.</summary>
    private static void V210PainterBands(Media.Frames.Frame frame, int firstLine, int lines, ColorMatrix matrix,
        ReadOnlySpan<(double R, double G, double B)> colours)
    {
        int width = frame.Layout.Width;
        var bands = new ColorBand[colours.Length];
        for (int i = 0; i < colours.Length; i++)
        {
            var (y, cb, cr) = matrix.FromRgb(colours[i].R, colours[i].G, colours[i].B);
            bands[i] = new ColorBand(width * (i + 1) / colours.Length & ~1, y, cb, cr);
        }
        bands[^1] = bands[^1] with { EndX = width };
        V210Painter.PaintBands(frame, firstLine, lines, bands);
    }
}
