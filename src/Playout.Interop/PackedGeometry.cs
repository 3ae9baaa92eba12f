namespace Playout.Interop;

/// <summary>Sizes shared by the packed encoder and decoder wrappers.</summary>
internal static class PackedGeometry
{
    /// <summary>Bytes of one packed line as FFmpeg writes and reads it (native packed_line_bytes).</summary>
    public static int Stride(FfmpegPackedCodec codec, int width) => codec switch
    {
        FfmpegPackedCodec.V210 => (width + 47) / 48 * 128,
        FfmpegPackedCodec.Bitpacked => width / 2 * 5,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "not a packed codec"),
    };

    /// <summary>Bytes of <paramref name="samples"/> 16-bit samples, saturated so huge spans still pass as "big enough".</summary>
    public static int SampleBytes(int samples) => (int)Math.Clamp(2L * samples, int.MinValue, int.MaxValue);
}
