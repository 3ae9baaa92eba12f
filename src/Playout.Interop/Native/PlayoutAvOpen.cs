using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

/// <summary>Opens a native handle of a v210 codec: load the library, call *Open, and on failure free the handle and throw.</summary>
internal static class PlayoutAvOpen
{
    public delegate int V210Open<THandle>(int width, int height, out THandle handle) where THandle : SafeHandle;

    public static THandle V210<THandle>(V210Open<THandle> open, string function, int width, int height) where THandle : SafeHandle
    {
        PlayoutAvLibrary.EnsureLoaded();
        int code = open(width, height, out var handle);
        if (code >= 0)
            return handle;
        handle.Dispose();
        throw new PlayoutAvException(code, function, $"{width}x{height}");
    }
}
