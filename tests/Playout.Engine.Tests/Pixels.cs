using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Tests;

/// <summary>Reads Y'CbCr samples out of v210 frames, through the foundation's unpacker.</summary>
internal static class Pixels
{
    public static (int Y, int Cb, int Cr) At(Frame frame, int x, int line)
    {
        int width = frame.Layout.Width;
        var y = new ushort[width];
        var cb = new ushort[width / 2];
        var cr = new ushort[width / 2];
        V210.Unpack(frame.Line(0, line), y, cb, cr, width);
        return (y[x], cb[x / 2], cr[x / 2]);
    }

    public static int Luma(Frame frame, int x, int line) => At(frame, x, line).Y;
}
