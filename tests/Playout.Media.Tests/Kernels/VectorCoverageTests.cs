using Playout.Media.Formats;
using Playout.Media.Kernels;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>The vector loops do the bulk of a line; only a short tail is left to the scalar reference.</summary>
[Trait("Category", "Simd")]
public class VectorCoverageTests
{
    [Theory]
    [InlineData(SimdPath.Vector128, 1)]
    [InlineData(SimdPath.Vector256, 2)]
    [InlineData(SimdPath.Vector512, 4)]
    public void Packed_kernels_leave_at_most_two_vector_steps_of_groups(SimdPath path, int lanes)
    {
        const int width = 1920;
        var planes = new ushort[2 * width];
        var line = new byte[PixelFormat.V210Stride(width)];
        foreach (var pattern in new[] { Packed422Pattern.V210, Packed422Pattern.St2110 })
        {
            int unpacked = Packed422Kernel.Unpack(pattern, path, line, planes.AsSpan(0, width), planes.AsSpan(width, width / 2),
                planes.AsSpan(width + width / 2), width);
            int packed = Packed422Kernel.Pack(pattern, path, planes.AsSpan(0, width), planes.AsSpan(width, width / 2),
                planes.AsSpan(width + width / 2), line, width, 0, 1023);
            Assert.InRange(unpacked, width / 6 - 2 * lanes, width / 6);
            Assert.InRange(packed, width / 6 - 2 * lanes, width / 6);
        }
    }
}
