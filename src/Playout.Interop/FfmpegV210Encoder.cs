using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// FFmpeg's own v210 encoder (libavcodec "v210") turning yuv422p10le pictures into v210 frames in the caller's buffer.
/// Calls do not allocate; one instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegV210Encoder : IDisposable
{
    private readonly V210EncoderHandle _handle;

    /// <exception cref="PlayoutAvException">The size is not valid for v210 (e.g. an odd width).</exception>
    /// <exception cref="DllNotFoundException">libplayout_av.so is not built.</exception>
    public FfmpegV210Encoder(int width, int height)
    {
        _handle = PlayoutAvOpen.V210<V210EncoderHandle>(PlayoutAvNative.V210EncoderOpen, "PlayoutAv_V210EncoderOpen", width, height);
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Bytes of one v210 line: ceil(width / 48) · 128, the end zero-filled.</summary>
    public int Stride => V210Geometry.Stride(Width);

    /// <summary>Bytes of one v210 frame: <see cref="Stride"/> · height.</summary>
    public int FrameSize => Stride * Height;

    /// <summary>
    /// Encodes one picture. Planes hold 10-bit values in 16-bit samples (Y: width samples per line, Cb and Cr: width / 2);
    /// strides are in samples; each plane needs <see cref="FfmpegBuffers.Padding"/> bytes after its last line.
    /// Values are clipped to 4..1019 as FFmpeg does.
    /// When <paramref name="v210"/> has <see cref="FfmpegBuffers.Padding"/> bytes beyond <see cref="FrameSize"/>, FFmpeg
    /// writes the frame straight into it (and zeroes that padding); otherwise it writes an internal buffer that is copied.
    /// </summary>
    /// <exception cref="PlayoutAvException">A plane or <paramref name="v210"/> is too small, or a stride too short.</exception>
    public unsafe void Encode(ReadOnlySpan<ushort> y, int yStride, ReadOnlySpan<ushort> cb, int cbStride,
        ReadOnlySpan<ushort> cr, int crStride, Span<byte> v210)
    {
        int code;
        fixed (ushort* py = y, pcb = cb, pcr = cr)
        fixed (byte* pv210 = v210)
        {
            code = PlayoutAvNative.V210Encode(_handle,
                (byte*)py, V210Geometry.SampleBytes(yStride), V210Geometry.SampleBytes(y.Length),
                (byte*)pcb, V210Geometry.SampleBytes(cbStride), V210Geometry.SampleBytes(cb.Length),
                (byte*)pcr, V210Geometry.SampleBytes(crStride), V210Geometry.SampleBytes(cr.Length),
                pv210, v210.Length);
        }
        if (code < 0)
            throw Failure(code, y.Length, yStride, cb.Length, cbStride, cr.Length, crStride, v210.Length);
    }

    public void Dispose() => _handle.Dispose();

    private PlayoutAvException Failure(int code, int y, int yStride, int cb, int cbStride, int cr, int crStride, int v210) =>
        new(code, "PlayoutAv_V210Encode",
            $"{Width}x{Height}; planes of {y}/{cb}/{cr} samples with strides {yStride}/{cbStride}/{crStride}; " +
            $"v210 buffer of {v210} bytes for a {FrameSize}-byte frame");
}
