using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;
using Playout.TestSupport;

namespace Playout.Media.Tests.Kernels;

/// <summary>Kernel calls allocate nothing on the managed heap (they run inside the channel tick).</summary>
[Trait("Category", "Simd")]
public class KernelAllocationTests
{
    [Fact]
    public void Every_kernel_and_frame_conversion_allocates_zero_bytes_per_call()
    {
        const int width = 1920, height = 4;
        var layouts = PixelFormat.All.ToDictionary(f => f, f => f.Layout(width, height, 64));
        var frames = layouts.ToDictionary(p => p.Key, p => new byte[p.Value.TotalBytes]);
        var converters = new List<(FrameConverter Converter, byte[] From, byte[] To)>();
        foreach (var from in PixelFormat.All)
            foreach (var to in PixelFormat.All.Where(f => !f.HasAlpha && f != from))
                converters.Add((new FrameConverter(layouts[from], layouts[to]), frames[from], frames[to]));
        var overlay = KeyedOverlay.FromBgra(GraphicsEquivalenceTests.LowerThird(width, height), width, height, true, ColorMatrix.Bt709);
        var v210 = frames[PixelFormat.V210];
        var keyed = new byte[v210.Length];
        var rows = Enumerable.Range(0, 4).Select(_ => new ushort[width]).ToArray();
        var output = new ushort[width / 2];

        void RunAll(SimdPath path)
        {
            foreach (var (converter, from, to) in converters)
                converter.Convert(from, to);
            FusedV210Keyer.KeyFrame(v210, overlay.Stride, overlay, keyed, overlay.Stride, 0.8, path);
            Keyer.KeyLine(rows[0], rows[1], rows[2], rows[3], 0.5, path);
            Downscaler.Halve(rows[0], rows[1], output, path);
            Downscaler.Quarter(rows[0], rows[1], rows[2], rows[3], output.AsSpan(0, width / 4), path);
        }

        foreach (var path in SimdPaths.Explicit.Prepend(SimdPath.Auto))
        {
            Assert.Equal(0, Allocations.LeastOf(() => RunAll(path)));
        }
    }
}
