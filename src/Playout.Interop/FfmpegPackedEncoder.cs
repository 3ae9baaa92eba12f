using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// FFmpeg's own encoder of a packed 10-bit 4:2:2 codec (libavcodec "v210" or "bitpacked", the ST 2110-20 pgroups)
/// turning yuv422p10le pictures into packed frames in the caller's buffer.
/// Calls do not allocate; one instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegPackedEncoder : FfmpegPackedCoder, IDisposable
{
    private readonly PackedEncoderHandle _handle;

    /// <exception cref="PlayoutAvException">The size is not valid for the codec (e.g. an odd width).</exception>
    /// <exception cref="DllNotFoundException">libplayout_av.so is not built.</exception>
    public FfmpegPackedEncoder(FfmpegPackedCodec codec, int width, int height)
        : base(codec, width, height)
    {
        _handle = PlayoutAvOpen.Packed<PackedEncoderHandle>(PlayoutAvNative.PackedEncoderOpen, "PlayoutAv_PackedEncoderOpen", codec, width, height);
    }

    /// <summary>
    /// Encodes one picture. Planes hold 10-bit values in 16-bit samples (Y: width samples per line, Cb and Cr: width / 2);
    /// strides are in samples; each plane needs <see cref="FfmpegBuffers.Padding"/> bytes after its last line.
    /// Values are clipped as FFmpeg does: v210 to 4..1019, bitpacked to 0..1023.
    /// When <paramref name="packed"/> has <see cref="FfmpegBuffers.Padding"/> bytes beyond <see cref="FrameSize"/>, FFmpeg
    /// writes the frame straight into it (and zeroes that padding); otherwise it writes an internal buffer that is copied.
    /// </summary>
    /// <exception cref="PlayoutAvException">A plane or <paramref name="packed"/> is too small, or a stride too short.</exception>
    public unsafe void Encode(ReadOnlySpan<ushort> y, int yStride, ReadOnlySpan<ushort> cb, int cbStride,
        ReadOnlySpan<ushort> cr, int crStride, Span<byte> packed)
    {
        int code;
        fixed (ushort* py = y, pcb = cb, pcr = cr)
        fixed (byte* ppacked = packed)
        {
            code = PlayoutAvNative.PackedEncode(_handle,
                (byte*)py, PackedGeometry.SampleBytes(yStride), PackedGeometry.SampleBytes(y.Length),
                (byte*)pcb, PackedGeometry.SampleBytes(cbStride), PackedGeometry.SampleBytes(cb.Length),
                (byte*)pcr, PackedGeometry.SampleBytes(crStride), PackedGeometry.SampleBytes(cr.Length),
                ppacked, packed.Length);
        }
        if (code < 0)
            throw Failure(code, y.Length, yStride, cb.Length, cbStride, cr.Length, crStride, packed.Length);
    }

    public void Dispose() => _handle.Dispose();

    private PlayoutAvException Failure(int code, int y, int yStride, int cb, int cbStride, int cr, int crStride, int packed) =>
        new(code, "PlayoutAv_PackedEncode",
            $"{Codec} {Width}x{Height}; planes of {y}/{cb}/{cr} samples with strides {yStride}/{cbStride}/{crStride}; " +
            $"{Codec} buffer of {packed} bytes for a {FrameSize}-byte frame");
}
