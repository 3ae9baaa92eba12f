using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_AbiVersion")]
    public static partial int AbiVersion();

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_FfmpegVersion")]
    public static partial int FfmpegVersion(byte* buffer, int size);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_ErrorString")]
    public static partial int ErrorString(int error, byte* buffer, int size);

    /// <summary>callback: void (int32 level, const char* line), or null for FFmpeg's own stderr logger.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_SetLog")]
    public static partial int SetLog(delegate* unmanaged<int, byte*, void> callback, int maxLevel);
}
