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
                planes.AsSpan(width + width / 2), width, streamed: false);
            int packed = Packed422Kernel.Pack(pattern, path, planes.AsSpan(0, width), planes.AsSpan(width, width / 2),
                planes.AsSpan(width + width / 2), line, width, 0, 1023, streamed: false);
            Assert.InRange(unpacked, width / 6 - 2 * lanes, width / 6);
            Assert.InRange(packed, width / 6 - 2 * lanes, width / 6);
        }
    }

    [Fact]
    public void An_output_the_last_level_cache_holds_is_written_through_it_and_a_larger_one_is_streamed()
    {
        long cache = OutputStores.LastLevelCacheBytes;
        Assert.InRange(cache, 1L << 20, 1L << 34);
        Assert.False(OutputStores.Streams(cache));
        Assert.True(OutputStores.Streams(cache + 1));
        // On Linux the size is the kernel's own figure for the largest cache level.
        if (OperatingSystem.IsLinux() && Directory.Exists("/sys/devices/system/cpu/cpu0/cache/index3"))
            Assert.Equal(long.Parse(File.ReadAllText("/sys/devices/system/cpu/cpu0/cache/index3/size").Trim().TrimEnd('K'), System.Globalization.CultureInfo.InvariantCulture) * 1024, cache);
    }
}
