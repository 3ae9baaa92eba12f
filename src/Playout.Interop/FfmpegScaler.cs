using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// swscale converting and resizing whole pictures between caller-owned buffers, pixel formats named as FFmpeg
/// names them ("uyvy422", "yuv422p10le", "bgra", ...). Calls do not allocate; one instance must not be used by
/// two threads at once.
/// </summary>
public sealed class FfmpegScaler : IDisposable
{
    private readonly ScalerHandle _handle;

    /// <exception cref="PlayoutAvException">A format name is unknown or unsupported, a size invalid, or the flags rejected.</exception>
    /// <exception cref="DllNotFoundException">libplayout_av.so is not built.</exception>
    public FfmpegScaler(int sourceWidth, int sourceHeight, string sourceFormat,
        int destinationWidth, int destinationHeight, string destinationFormat, FfmpegScalerFlags flags)
    {
        ArgumentNullException.ThrowIfNull(sourceFormat);
        ArgumentNullException.ThrowIfNull(destinationFormat);
        PlayoutAvLibrary.EnsureLoaded();
        int code = PlayoutAvNative.ScalerOpen(sourceWidth, sourceHeight, sourceFormat,
            destinationWidth, destinationHeight, destinationFormat, (int)flags, out _handle);
        if (code < 0)
        {
            _handle.Dispose();
            throw new PlayoutAvException(code, "PlayoutAv_ScalerOpen",
                $"{sourceFormat} {sourceWidth}x{sourceHeight} -> {destinationFormat} {destinationWidth}x{destinationHeight}, flags {flags}");
        }
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        SourceFormat = sourceFormat;
        DestinationWidth = destinationWidth;
        DestinationHeight = destinationHeight;
        DestinationFormat = destinationFormat;
        Flags = flags;
    }

    public int SourceWidth { get; }
    public int SourceHeight { get; }
    public string SourceFormat { get; }
    public int DestinationWidth { get; }
    public int DestinationHeight { get; }
    public string DestinationFormat { get; }
    public FfmpegScalerFlags Flags { get; }

    /// <summary>
    /// Converts one picture. Every plane the formats have must be given, with its stride in bytes and
    /// <see cref="FfmpegBuffers.Padding"/> bytes after its last line; destination planes must not overlap.
    /// swscale is fastest with 16-byte aligned planes and strides.
    /// </summary>
    /// <exception cref="PlayoutAvException">A plane is missing or too small, a stride too short, or planes overlap.</exception>
    public void Scale(ReadOnlyImagePlanes source, ImagePlanes destination)
    {
        var call = new SourceCall(_handle, destination);
        int code = PlaneCall.Invoke(source, ref call);
        if (code < 0)
            throw Failure(code, source, destination);
    }

    public void Dispose() => _handle.Dispose();

    private PlayoutAvException Failure(int code, ReadOnlyImagePlanes source, ImagePlanes destination) =>
        new(code, "PlayoutAv_Scale",
            $"{SourceFormat} {SourceWidth}x{SourceHeight} planes of {source.Plane0.Length}/{source.Plane1.Length}/{source.Plane2.Length}/{source.Plane3.Length} bytes " +
            $"with strides {source.Stride0}/{source.Stride1}/{source.Stride2}/{source.Stride3} -> " +
            $"{DestinationFormat} {DestinationWidth}x{DestinationHeight} planes of {destination.Plane0.Length}/{destination.Plane1.Length}/{destination.Plane2.Length}/{destination.Plane3.Length} bytes " +
            $"with strides {destination.Stride0}/{destination.Stride1}/{destination.Stride2}/{destination.Stride3}");

    /// <summary>With the source pinned, pins the destination and scales.</summary>
    private readonly unsafe ref struct SourceCall(ScalerHandle handle, ImagePlanes destination) : PlaneCall.ICall
    {
        private readonly ImagePlanes _destination = destination;

        public int Invoke(byte** planes, int* strides, int* sizes)
        {
            var call = new ScaleCall(handle, planes, strides, sizes);
            return PlaneCall.Invoke(_destination, ref call);
        }
    }

    private readonly unsafe struct ScaleCall(ScalerHandle handle, byte** source, int* sourceStrides, int* sourceSizes) : PlaneCall.ICall
    {
        public int Invoke(byte** planes, int* strides, int* sizes) =>
            PlayoutAvNative.Scale(handle, source, sourceStrides, sourceSizes, planes, strides, sizes);
    }
}
