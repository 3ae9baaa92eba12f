using System.Runtime.InteropServices;
using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>Facts about the FFmpeg build libplayout_av runs on, for logs and benchmark reports.</summary>
public static class FfmpegInfo
{
    private static string? s_version;

    /// <summary>FFmpeg's version string (av_version_info), e.g. "5.1.6-0+deb12u1".</summary>
    public static string Version => s_version ??= ReadVersion();

    private static unsafe string ReadVersion()
    {
        PlayoutAvLibrary.EnsureLoaded();
        const int size = 128;
        byte* buffer = stackalloc byte[size];
        int code = PlayoutAvNative.FfmpegVersion(buffer, size);
        if (code < 0)
            throw new PlayoutAvException(code, "PlayoutAv_FfmpegVersion", $"{size}-byte buffer");
        return Marshal.PtrToStringUTF8((nint)buffer) ?? "";
    }
}
