using System.Globalization;
using System.Runtime.InteropServices;
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
    public void An_output_the_cache_holds_is_written_through_it_and_a_larger_one_is_streamed()
    {
        long cache = OutputStores.LastLevelCacheBytes, core = OutputStores.CoreCacheBytes;
        Assert.InRange(cache, 1L << 20, 1L << 34);
        Assert.InRange(core, 64L << 10, cache);
        long limit = OutputStores.CachedUpTo;
        Assert.Equal(OutputStores.LastLevelCacheKeepsUp ? cache : core, limit);
        Assert.False(OutputStores.Streams(limit));
        Assert.True(OutputStores.Streams(limit + 1));
        // On Linux the sizes are the kernel's own figures for the largest cache level and level 2.
        if (OperatingSystem.IsLinux() && Directory.Exists("/sys/devices/system/cpu/cpu0/cache/index3"))
        {
            Assert.Equal(SysfsCacheBytes(3), cache);
            Assert.Equal(SysfsCacheBytes(2), core);
        }
    }

    [Fact]
    public void Where_the_last_level_cache_is_slower_to_write_than_memory_only_the_cores_own_cache_is_written_through()
    {
        Assert.Equal(32L << 20, OutputStores.CachedLimit(32L << 20, 1L << 20, lastLevelKeepsUp: true));
        Assert.Equal(2L << 20, OutputStores.CachedLimit(260L << 20, 2L << 20, lastLevelKeepsUp: false));
        // A machine whose only cache is its last level.
        Assert.Equal(4L << 20, OutputStores.CachedLimit(4L << 20, 4L << 20, lastLevelKeepsUp: false));
    }

    [Fact]
    public void The_probe_s_timing_decides_and_a_probe_without_memory_leaves_the_cache_s_size_to_decide()
    {
        Assert.True(OutputStores.KeepsUp(() => (TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2))));
        Assert.True(OutputStores.KeepsUp(() => (TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2))));
        Assert.False(OutputStores.KeepsUp(() => (TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(2))));
        // No 16 MiB to time with: as where nothing can be timed, the last level is taken to keep up.
        Assert.True(OutputStores.KeepsUp(() => throw new OutOfMemoryException()));
    }

    [Fact]
    public unsafe void The_store_probe_copies_every_byte_either_way_and_times_both()
    {
        if (!StoreProbe.IsSupported)
        {
            // Nothing to time (not x86, or intrinsics off): the last level's size alone decides, as before the probe.
            Assert.True(OutputStores.LastLevelCacheKeepsUp);
            return;
        }
        const int bytes = 64 * 1024;
        var from = (byte*)NativeMemory.AlignedAlloc(bytes, 64);
        var to = (byte*)NativeMemory.AlignedAlloc(bytes, 64);
        try
        {
            var source = new Span<byte>(from, bytes);
            new Random(7).NextBytes(source);
            foreach (bool streamed in new[] { false, true })
            {
                new Span<byte>(to, bytes).Clear();
                StoreProbe.Copy(from, to, bytes, streamed);
                Assert.True(source.SequenceEqual(new Span<byte>(to, bytes)), streamed ? "streamed" : "cached");
            }
        }
        finally
        {
            NativeMemory.AlignedFree(from);
            NativeMemory.AlignedFree(to);
        }
        var (cached, streamedTime) = StoreProbe.Measure(bytes, rounds: 2);
        Assert.True(cached > TimeSpan.Zero && streamedTime > TimeSpan.Zero, $"{cached} / {streamedTime}");
    }

    private static long SysfsCacheBytes(int index) =>
        long.Parse(File.ReadAllText($"/sys/devices/system/cpu/cpu0/cache/index{index}/size").Trim().TrimEnd('K'), CultureInfo.InvariantCulture) * 1024;
}
