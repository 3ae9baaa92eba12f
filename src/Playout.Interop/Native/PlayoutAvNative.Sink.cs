using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkOpen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SinkOpen(string url, string? container, string? videoCodec, string audioCodec, string? options,
        SinkConfigNative* config, out SinkHandle sink);

    /// <summary>Each plane argument is an array of 4.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkWriteVideo")]
    public static partial int SinkWriteVideo(SinkHandle sink, byte** planes, int* strides, int* sizes, long frameIndex);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkWriteAudio")]
    public static partial int SinkWriteAudio(SinkHandle sink, float* samples, int sampleFrames);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkFinish")]
    public static partial int SinkFinish(SinkHandle sink);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkVideoPts")]
    public static partial int SinkVideoPts(SinkHandle sink, long frameIndex, out long pts90k);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkWriteScte35")]
    public static partial int SinkWriteScte35(SinkHandle sink, byte* section, int size);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkWriteMetadata")]
    public static partial int SinkWriteMetadata(SinkHandle sink, byte* tag, int size, long pts90k);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkServiceIds")]
    public static partial int SinkServiceIds(SinkHandle sink, out int serviceId, out int transportStreamId, out int originalNetworkId);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkWriteEit")]
    public static partial int SinkWriteEit(SinkHandle sink, byte* section, int size);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SinkClose")]
    public static partial int SinkClose(nint sink);
}
