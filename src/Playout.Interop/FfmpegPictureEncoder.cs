using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>Scales one picture and encodes it as a JPEG or PNG (previews, thumbnails). Not for two threads at once.</summary>
public sealed class FfmpegPictureEncoder : IDisposable
{
    /// <summary>playout_av.h's PLAYOUT_AV_ECAPACITY: the output buffer is too small.</summary>
    private const int ErrorCapacity = -10017;
    private readonly PictureEncoderHandle _handle;
    private readonly string _description;

    /// <param name="codec">"mjpeg" or "png".</param>
    /// <param name="quality">JPEG qscale, 2 (best) to 31.</param>
    public FfmpegPictureEncoder(int sourceWidth, int sourceHeight, string sourceFormat, int width, int height, string codec, int quality = 5)
    {
        PlayoutAvLibrary.EnsureLoaded();
        _description = $"{sourceFormat} {sourceWidth}x{sourceHeight} -> {codec} {width}x{height}";
        int code = PlayoutAvNative.PictureEncoderOpen(sourceWidth, sourceHeight, sourceFormat, width, height, codec, quality, out _handle);
        if (code < 0)
        {
            _handle.Dispose();
            throw new PlayoutAvException(code, "PlayoutAv_PictureEncoderOpen", _description);
        }
    }

    /// <summary>Encodes a picture into <paramref name="output"/>; returns the bytes written.</summary>
    /// <exception cref="PlayoutAvException">Encoding failed, or <paramref name="output"/> is too small (the message says how large it must be).</exception>
    public unsafe int Encode(ReadOnlyImagePlanes planes, Span<byte> output)
    {
        int size = 0;
        int code;
        fixed (byte* data = output)
        {
            var call = new EncodeCall(_handle, data, output.Length, &size);
            code = PlaneCall.Invoke(planes, ref call);
        }
        if (code < 0)
            throw new PlayoutAvException(code, "PlayoutAv_PictureEncode",
                code == ErrorCapacity ? $"{_description}: {size} bytes needed, {output.Length} given" : _description);
        return size;
    }

    public void Dispose() => _handle.Dispose();

    private readonly unsafe struct EncodeCall(PictureEncoderHandle handle, byte* output, int capacity, int* size) : PlaneCall.ICall
    {
        public int Invoke(byte** planes, int* strides, int* sizes) => PlayoutAvNative.PictureEncode(handle, planes, strides, sizes, output, capacity, size);
    }
}
