using System.Runtime.Intrinsics;

namespace Playout.Media.Simd;

/// <summary>Which implementation of a pixel kernel runs. Every path produces identical bits.</summary>
public enum SimdPath
{
    /// <summary>The widest path the CPU accelerates (Vector512, then 256, then 128, then scalar).</summary>
    Auto,
    Scalar,
    Vector128,
    Vector256,
    Vector512,
}

public static class SimdPaths
{
    /// <summary>The path <see cref="SimdPath.Auto"/> resolves to on this machine and runtime settings.</summary>
    public static SimdPath Best { get; } =
        Vector512.IsHardwareAccelerated ? SimdPath.Vector512 :
        Vector256.IsHardwareAccelerated ? SimdPath.Vector256 :
        Vector128.IsHardwareAccelerated ? SimdPath.Vector128 :
        SimdPath.Scalar;

    /// <summary>Every explicit path; the vector ones run (in software where not accelerated) on any CPU.</summary>
    public static IReadOnlyList<SimdPath> Explicit { get; } =
        [SimdPath.Scalar, SimdPath.Vector128, SimdPath.Vector256, SimdPath.Vector512];

    internal static SimdPath Resolve(SimdPath path) => path == SimdPath.Auto ? Best : path;
}
