using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    public const int ReadVideo = 1;
    public const int ReadAudio = 2;

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceOpenAbortable", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SourceOpenAbortable(string url, string? options, int flags, int* abort, out SourceHandle source);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceInfo")]
    public static partial int SourceInfo(SourceHandle source, SourceInfoNative* info);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceSetVideoOutput", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SourceSetVideoOutput(SourceHandle source, int width, int height, string pixelFormat, int flags);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceSetAudioOutput")]
    public static partial int SourceSetAudioOutput(SourceHandle source, int channels);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceSeek")]
    public static partial int SourceSeek(SourceHandle source, long timeUs);

    /// <summary>Each plane argument is an array of 4.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceRead")]
    public static partial int SourceRead(SourceHandle source, byte** planes, int* strides, int* sizes,
        float* audio, int audioCapacity, ReadResultNative* result);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SourceClose")]
    public static partial int SourceClose(nint source);
}
