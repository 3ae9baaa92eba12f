using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// FFmpeg's own decoder of a packed 10-bit 4:2:2 codec (libavcodec "v210" or "bitpacked", the ST 2110-20 pgroups)
/// writing yuv422p10le pictures into the caller's planes: directly where the decoder takes caller memory (v210),
/// through a frame of FFmpeg's own that is copied where it does not (bitpacked in FFmpeg 5.1, which lacks DR1).
/// Calls do not allocate; one instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegPackedDecoder : FfmpegPackedCoder, IDisposable
{
    private readonly PackedDecoderHandle _handle;

    /// <exception cref="PlayoutAvException">The size is not valid (an odd width, or for v210 under the 4 lines FFmpeg's decoder needs).</exception>
    /// <exception cref="DllNotFoundException">libplayout_av.so is not built.</exception>
    public FfmpegPackedDecoder(FfmpegPackedCodec codec, int width, int height)
        : base(codec, width, height)
    {
        _handle = PlayoutAvOpen.Packed<PackedDecoderHandle>(PlayoutAvNative.PackedDecoderOpen, "PlayoutAv_PackedDecoderOpen", codec, width, height);
    }

    /// <summary>
    /// Decodes the frame at the start of <paramref name="packed"/>. When the span has <see cref="FfmpegBuffers.Padding"/>
    /// bytes beyond <see cref="FrameSize"/>, FFmpeg reads it in place; otherwise it is copied into a padded buffer first.
    /// Each plane must start on a <see cref="FfmpegBuffers.Alignment"/>-byte boundary, have a stride (in samples) that is
    /// a multiple of <see cref="FfmpegBuffers.Alignment"/> bytes, hold <see cref="FfmpegBuffers.Padding"/> bytes after its
    /// last line and not overlap the other planes (whether FFmpeg writes them directly or they are copied into).
    /// Y lines are width samples, Cb and Cr lines width / 2.
    /// </summary>
    /// <exception cref="PlayoutAvException">A buffer is too small, misaligned or overlapping, or a stride too short.</exception>
    public unsafe void Decode(ReadOnlySpan<byte> packed, Span<ushort> y, int yStride, Span<ushort> cb, int cbStride,
        Span<ushort> cr, int crStride)
    {
        int code;
        fixed (byte* ppacked = packed)
        fixed (ushort* py = y, pcb = cb, pcr = cr)
        {
            code = PlayoutAvNative.PackedDecode(_handle, ppacked, packed.Length,
                (byte*)py, PackedGeometry.SampleBytes(yStride), PackedGeometry.SampleBytes(y.Length),
                (byte*)pcb, PackedGeometry.SampleBytes(cbStride), PackedGeometry.SampleBytes(cb.Length),
                (byte*)pcr, PackedGeometry.SampleBytes(crStride), PackedGeometry.SampleBytes(cr.Length));
        }
        if (code < 0)
            throw Failure(code, packed.Length, y.Length, yStride, cb.Length, cbStride, cr.Length, crStride);
    }

    public void Dispose() => _handle.Dispose();

    private PlayoutAvException Failure(int code, int packed, int y, int yStride, int cb, int cbStride, int cr, int crStride) =>
        new(code, "PlayoutAv_PackedDecode",
            $"{Codec} {Width}x{Height}; {Codec} buffer of {packed} bytes for a {FrameSize}-byte frame; " +
            $"planes of {y}/{cb}/{cr} samples with strides {yStride}/{cbStride}/{crStride}");
}
