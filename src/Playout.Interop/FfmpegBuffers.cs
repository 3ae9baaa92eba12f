namespace Playout.Interop;

/// <summary>
/// What FFmpeg needs from the caller-owned buffers the Ffmpeg* wrappers hand it (playout_av.h spells out why).
/// All sizes here are in bytes.
/// </summary>
public static class FfmpegBuffers
{
    /// <summary>
    /// Bytes every plane must hold after its last line's data: FFmpeg's SIMD code reads and writes a little
    /// past the end of a line. A v210 buffer with this much room after the frame is used in place rather than copied.
    /// </summary>
    public const int Padding = 64;

    /// <summary>Boundary that decoder output planes must start on and that their strides must be multiples of.</summary>
    public const int Alignment = 64;

    /// <summary>Smallest buffer for a plane of <paramref name="lines"/> lines of <paramref name="lineBytes"/> bytes, <paramref name="stride"/> bytes apart.</summary>
    public static int PlaneSize(int stride, int lineBytes, int lines) => checked((lines - 1) * stride + lineBytes + Padding);

    /// <summary>The smallest stride of at least <paramref name="lineBytes"/> that is a multiple of <see cref="Alignment"/>.</summary>
    public static int AlignStride(int lineBytes) => checked(lineBytes + Alignment - 1) / Alignment * Alignment;
}
