using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

/// <summary>Opens a native handle of a packed codec: load the library, call *Open, and on failure free the handle and throw.</summary>
internal static class PlayoutAvOpen
{
    public delegate int PackedOpen<THandle>(int codec, int width, int height, out THandle handle) where THandle : SafeHandle;

    public static THandle Packed<THandle>(PackedOpen<THandle> open, string function, FfmpegPackedCodec codec, int width, int height)
        where THandle : SafeHandle
    {
        PlayoutAvLibrary.EnsureLoaded();
        int code = open((int)codec, width, height, out var handle);
        if (code >= 0)
            return handle;
        handle.Dispose();
        throw new PlayoutAvException(code, function, $"{codec} {width}x{height}");
    }
}
