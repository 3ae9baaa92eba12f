using System.Text.RegularExpressions;
using Playout.TestSupport;

namespace Playout.Media.Tests.Kernels;

/// <summary>
/// Re-runs every SIMD test (trait Category=Simd) in a child test run with hardware intrinsics switched
/// off in the runtime, so the Auto choice, the software fallbacks of each vector width and the scalar
/// reference are all proven on this machine whatever its CPU.
/// </summary>
public partial class IntrinsicsOffTests
{
    /// <summary>
    /// .NET 10 reads DOTNET_EnableAVX512; earlier runtimes read DOTNET_EnableAVX512F. Both are set. Likewise VBMI (the byte
    /// permutes, switched off to run the AVX-512BW paths without them): DOTNET_EnableAVX512v2 now, DOTNET_EnableAVX512VBMI before.
    /// </summary>
    [Theory]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_EnableAVX512F", "DOTNET_EnableAVX512")]
    [InlineData("DOTNET_EnableAVX512VBMI", "DOTNET_EnableAVX512v2")]
    public void Simd_tests_pass_with_intrinsics_switched_off(params string[] settings)
    {
        string assembly = typeof(IntrinsicsOffTests).Assembly.Location;
        string output = ExternalTool.Run("dotnet", ["test", assembly, "--filter", "Category=Simd", "--nologo"],
            TimeSpan.FromMinutes(10), settings.ToDictionary(s => s, _ => "0"));
        var passed = PassedCount().Match(output);
        Assert.True(passed.Success, output);
        Assert.True(int.Parse(passed.Groups[1].Value) > 100, output);
        Assert.DoesNotMatch(FailedCount(), output);
    }

    [GeneratedRegex(@"Passed:\s+(\d+)")]
    private static partial Regex PassedCount();

    [GeneratedRegex(@"Failed:\s+[1-9]")]
    private static partial Regex FailedCount();
}
