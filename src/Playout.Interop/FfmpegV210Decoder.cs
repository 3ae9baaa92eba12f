using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// FFmpeg's own v210 decoder (libavcodec "v210") writing yuv422p10le pictures straight into the caller's planes.
/// Calls do not allocate; one instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegV210Decoder : IDisposable
{
    private readonly V210DecoderHandle _handle;

    /// <exception cref="PlayoutAvException">The size is not valid (an odd width, or under the 4 lines FFmpeg's decoder needs).</exception>
    /// <exception cref="DllNotFoundException">libplayout_av.so is not built.</exception>
    public FfmpegV210Decoder(int width, int height)
    {
        _handle = PlayoutAvOpen.V210<V210DecoderHandle>(PlayoutAvNative.V210DecoderOpen, "PlayoutAv_V210DecoderOpen", width, height);
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Bytes of one v210 line: ceil(width / 48) · 128.</summary>
    public int Stride => V210Geometry.Stride(Width);

    /// <summary>Bytes of one v210 frame: <see cref="Stride"/> · height.</summary>
    public int FrameSize => Stride * Height;

    /// <summary>
    /// Decodes the frame at the start of <paramref name="v210"/>. When the span has <see cref="FfmpegBuffers.Padding"/>
    /// bytes beyond <see cref="FrameSize"/>, FFmpeg reads it in place; otherwise it is copied into a padded buffer first.
    /// FFmpeg writes the planes directly, so each must start on a <see cref="FfmpegBuffers.Alignment"/>-byte boundary,
    /// have a stride (in samples) that is a multiple of <see cref="FfmpegBuffers.Alignment"/> bytes, hold
    /// <see cref="FfmpegBuffers.Padding"/> bytes after its last line and not overlap the other planes.
    /// Y lines are width samples, Cb and Cr lines width / 2.
    /// </summary>
    /// <exception cref="PlayoutAvException">A buffer is too small, misaligned or overlapping, or a stride too short.</exception>
    public unsafe void Decode(ReadOnlySpan<byte> v210, Span<ushort> y, int yStride, Span<ushort> cb, int cbStride,
        Span<ushort> cr, int crStride)
    {
        int code;
        fixed (byte* pv210 = v210)
        fixed (ushort* py = y, pcb = cb, pcr = cr)
        {
            code = PlayoutAvNative.V210Decode(_handle, pv210, v210.Length,
                (byte*)py, V210Geometry.SampleBytes(yStride), V210Geometry.SampleBytes(y.Length),
                (byte*)pcb, V210Geometry.SampleBytes(cbStride), V210Geometry.SampleBytes(cb.Length),
                (byte*)pcr, V210Geometry.SampleBytes(crStride), V210Geometry.SampleBytes(cr.Length));
        }
        if (code < 0)
            throw Failure(code, v210.Length, y.Length, yStride, cb.Length, cbStride, cr.Length, crStride);
    }

    public void Dispose() => _handle.Dispose();

    private PlayoutAvException Failure(int code, int v210, int y, int yStride, int cb, int cbStride, int cr, int crStride) =>
        new(code, "PlayoutAv_V210Decode",
            $"{Width}x{Height}; v210 buffer of {v210} bytes for a {FrameSize}-byte frame; " +
            $"planes of {y}/{cb}/{cr} samples with strides {yStride}/{cbStride}/{crStride}");
}
