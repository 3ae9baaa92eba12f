using System.Runtime.InteropServices;
using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>
/// FFmpeg's log (decoder complaints, muxer warnings, encoder statistics) routed to the service's own log instead
/// of stderr, so it lands in the log files with everything else. Process-wide, like FFmpeg's log itself.
/// </summary>
public static unsafe class FfmpegLog
{
    /// <summary>AV_LOG_ERROR: something failed.</summary>
    public const int Error = 16;

    /// <summary>AV_LOG_WARNING: something is odd but decoding goes on.</summary>
    public const int Warning = 24;

    private static volatile Action<int, string>? s_sink;

    /// <summary>Sends every FFmpeg log line at <paramref name="maxLevel"/> or more severe to <paramref name="sink"/> (level, line).</summary>
    public static void Route(Action<int, string> sink, int maxLevel = Warning)
    {
        ArgumentNullException.ThrowIfNull(sink);
        PlayoutAvLibrary.EnsureLoaded();
        s_sink = sink;
        PlayoutAvNative.SetLog(&Forward, maxLevel);
    }

    /// <summary>Gives FFmpeg its own stderr logger back.</summary>
    public static void Restore()
    {
        PlayoutAvLibrary.EnsureLoaded();
        PlayoutAvNative.SetLog(null, 0);
        s_sink = null;
    }

    [UnmanagedCallersOnly]
    private static void Forward(int level, byte* line)
    {
        try
        {
            s_sink?.Invoke(level, Marshal.PtrToStringUTF8((nint)line) ?? "");
        }
        catch (Exception)
        {
            // An exception must not unwind into FFmpeg's C frames; a log line is not worth the process.
        }
    }
}
