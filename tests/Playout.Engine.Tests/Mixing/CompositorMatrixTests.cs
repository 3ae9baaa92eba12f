using Playout.Engine.Mixing;
using Playout.Engine.Stage;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Tests.Mixing;

/// <summary>
/// Every mixer operation at every video mode, checked line by line against <see cref="MixReference"/>. The
/// compositor sees only the raster, so each case runs once per raster, naming the modes that share it. Keys and dissolves run
/// twice: on one thread, and split in two halves (<see cref="LineStripes"/>, which 8K frames take on two cores).
/// </summary>
public class CompositorMatrixTests
{
    private static readonly string[] Operations =
    [
        "dissolve 0.37", "dissolve 1",
        "key", "key opacity 0.6", "key in place", "key cut by the right and bottom edges",
        "pip 1/1 at (7, 3)", "pip 1/2 at (333, 101)", "pip 1/4 at (45, 19)", "pip 1/4 cut by the edges", "pip 1/2 opacity 0.45",
        "wipe from left 0.4", "wipe from right 0.4", "push from left 0.3", "push from right 0.7", "push from left 1",
    ];

    public static TheoryData<string, string, bool> Cases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var raster in VideoFormats.All.GroupBy(f => (f.Width, f.Height)))
            foreach (var operation in Operations)
            {
                string name = $"{raster.Key.Width}x{raster.Key.Height}: {string.Join(' ', raster.Select(f => f.Name))}";
                cases.Add(name, operation, false);
                if (operation.StartsWith("key", StringComparison.Ordinal) || operation.StartsWith("dissolve", StringComparison.Ordinal))
                    cases.Add(name, operation, true);
            }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_compositor_matches_the_planar_reference(string raster, string operation, bool split)
    {
        var size = raster[..raster.IndexOf(':')].Split('x');
        int width = int.Parse(size[0]), height = int.Parse(size[1]);
        using var pool = new FramePool(PixelFormat.V210, width, height, 3);
        using var compositor = new V210Compositor(width, height, new LineStripes("matrix", split));
        var reference = new MixReference(width, height);
        var from = Noise(pool, 1);
        var to = Noise(pool, 2);
        var destination = pool.Rent();
        // Stale bytes everywhere: every operation must write every byte of every line, padding included.
        destination.WritablePlane(0).Fill(0xA5);
        try
        {
            Func<int, MixReference.Line> expected = Run(operation, compositor, reference, from, to, destination, width, height);
            for (int line = 0; line < height; line++)
            {
                var actual = destination.Line(0, line);
                var wanted = reference.Pack(expected(line), actual.Length);
                int at = actual.CommonPrefixLength(wanted);
                Assert.True(at == wanted.Length,
                    $"{operation}{(split ? " split" : "")} at {raster[..raster.IndexOf(':')]}: line {line} differs from the reference at byte {at} (pixels {at / 16 * 6}..{at / 16 * 6 + 5})");
            }
        }
        finally
        {
            from.Release();
            to.Release();
            destination.Release();
        }
    }

    /// <summary>Runs the operation on the frames and returns the reference for each output line.</summary>
    private static Func<int, MixReference.Line> Run(string operation, V210Compositor compositor, MixReference reference,
        Frame from, Frame to, Frame destination, int width, int height)
    {
        var words = operation.Split(' ');
        double Last() => double.Parse(words[^1], System.Globalization.CultureInfo.InvariantCulture);
        switch (words[0])
        {
            case "dissolve":
                compositor.Dissolve(from, to, destination, Last());
                return line => reference.Dissolve(reference.Read(from, line), reference.Read(to, line), Last());
            case "wipe" or "push":
                var direction = words[2] == "left" ? TransitionDirection.FromLeft : TransitionDirection.FromRight;
                if (words[0] == "wipe")
                {
                    compositor.Wipe(from, to, destination, Last(), direction);
                    return line => reference.Wipe(reference.Read(from, line), reference.Read(to, line), Last(), words[2] == "left");
                }
                compositor.Push(from, to, destination, Last(), direction);
                return line => reference.Push(reference.Read(from, line), reference.Read(to, line), Last(), words[2] == "left");
            case "key":
                return Key(operation, compositor, reference, from, destination, width, height);
            default:
                return Place(operation, compositor, reference, from, to, destination, width, height);
        }
    }

    private static Func<int, MixReference.Line> Key(string operation, V210Compositor compositor, MixReference reference,
        Frame video, Frame destination, int width, int height)
    {
        const int graphicWidth = 151, graphicHeight = 61;
        var graphic = Graphic(graphicWidth, graphicHeight);
        bool cut = operation.Contains("edges");
        // Odd positions: the graphic starts inside a v210 group and a chroma pair, and in a 48-pixel block.
        int x = cut ? width - 101 : width / 3 + 7, y = cut ? height - 31 : height / 5 + 3;
        double opacity = operation.Contains("opacity") ? 0.6 : 1;
        var overlay = KeyedOverlay.Place(graphic, graphicWidth, graphicHeight, false, ColorMatrix.Bt709, x, y, width, height);
        Assert.True(overlay.Width < width, "graphics are kept at their own size, not the raster's");
        if (operation.Contains("in place"))
        {
            compositor.Copy(video, destination);
            compositor.Key(destination, overlay, destination, opacity);
        }
        else
            compositor.Key(video, overlay, destination, opacity);
        return line => reference.Key(reference.Read(video, line), line, graphic, graphicWidth, x, y, opacity);
    }

    private static Func<int, MixReference.Line> Place(string operation, V210Compositor compositor, MixReference reference,
        Frame under, Frame source, Frame destination, int width, int height)
    {
        int divisor = operation[6] - '0';
        var (x, y) = operation.Contains("edges") ? (width - width / 8 - 3, height - height / 8 - 1)
            : operation.Contains("at (") ? Position(operation) : (width / 5 + 1, height / 7 + 1);
        double opacity = operation.Contains("opacity") ? 0.45 : 1;
        compositor.Copy(under, destination);
        compositor.Place(source, destination, new PictureTransform(x, y, divisor), opacity);
        return line => reference.Place(source, reference.Read(under, line), line, x, y, divisor, opacity);
    }

    private static (int X, int Y) Position(string operation)
    {
        var inside = operation[(operation.IndexOf('(') + 1)..operation.IndexOf(')')].Split(", ");
        return (int.Parse(inside[0]), int.Parse(inside[1]));
    }

    /// <summary>A committed frame of pseudo-random legal samples (4..1019), different for each seed.</summary>
    private static Frame Noise(FramePool pool, uint seed)
    {
        var frame = pool.Rent();
        int width = frame.Layout.Width;
        var y = new ushort[width];
        var cb = new ushort[width / 2];
        var cr = new ushort[width / 2];
        uint state = seed * 2654435761u;
        ushort Next()
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return (ushort)(4 + state % 1016);
        }
        for (int line = 0; line < frame.Layout.Height; line++)
        {
            for (int i = 0; i < width; i++)
                y[i] = Next();
            for (int i = 0; i < width / 2; i++)
                (cb[i], cr[i]) = (Next(), Next());
            V210.Pack(y, cb, cr, frame.WritableLine(0, line), width);
        }
        frame.Commit();
        return frame;
    }

    /// <summary>BGRA with every kind of alpha: transparent and opaque runs (whole blocks of each) and a ramp.</summary>
    private static byte[] Graphic(int width, int height)
    {
        var bgra = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int at = (y * width + x) * 4;
                bgra[at] = (byte)(x * 7 + y);
                bgra[at + 1] = (byte)(200 - x);
                bgra[at + 2] = (byte)(y * 3 + 40);
                bgra[at + 3] = x < 20 ? (byte)0 : x < 100 ? (byte)255 : (byte)((x * 37 + y * 11) & 255);
            }
        return bgra;
    }
}
