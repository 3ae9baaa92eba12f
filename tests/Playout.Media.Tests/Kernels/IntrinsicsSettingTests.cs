using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Playout.Media.Simd;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// Runs inside the child test runs of <see cref="IntrinsicsOffTests"/>: proves the runtime really took
/// the setting, so the equivalence tests in that run exercised the narrower paths as the Auto choice.
/// </summary>
[Trait("Category", "Simd")]
public class IntrinsicsSettingTests
{
    [Fact]
    public void Auto_path_follows_the_runtime_intrinsics_settings()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(Vector128.IsHardwareAccelerated);
            Assert.Equal(SimdPath.Scalar, SimdPaths.Best);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
        {
            Assert.False(Vector256.IsHardwareAccelerated);
            Assert.Equal(Vector128.IsHardwareAccelerated ? SimdPath.Vector128 : SimdPath.Scalar, SimdPaths.Best);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.NotEqual(SimdPath.Vector512, SimdPaths.Best);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512v2") == "0")
        {
            // The byte permutes go; the AVX-512BW paths stay and run their fallbacks.
            Assert.False(Avx512Vbmi.IsSupported);
            Assert.Equal(Avx512BW.IsSupported ? SimdPath.Vector512 : SimdPaths.Best, SimdPaths.Best);
        }
        else
        {
            // Default settings: Auto takes the widest vectors the CPU's instruction set offers.
            SimdPath widest = Avx512BW.IsSupported ? SimdPath.Vector512
                : Avx2.IsSupported ? SimdPath.Vector256
                : Sse41.IsSupported || AdvSimd.IsSupported ? SimdPath.Vector128
                : SimdPath.Scalar;
            Assert.Equal(widest, SimdPaths.Best);
        }
    }
}
