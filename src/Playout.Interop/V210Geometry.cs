namespace Playout.Interop;

/// <summary>Sizes shared by the v210 encoder and decoder wrappers.</summary>
internal static class V210Geometry
{
    /// <summary>Bytes of one v210 line: whole blocks of 48 pixels in 128 bytes.</summary>
    public static int Stride(int width) => (width + 47) / 48 * 128;

    /// <summary>Bytes of <paramref name="samples"/> 16-bit samples, saturated so huge spans still pass as "big enough".</summary>
    public static int SampleBytes(int samples) => (int)Math.Clamp(2L * samples, int.MinValue, int.MaxValue);
}
