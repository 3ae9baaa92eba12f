using System.Runtime.InteropServices;
using Playout.Interop.Native;

namespace Playout.Interop;

/// <summary>A call into libplayout_av (FFmpeg) failed.</summary>
public sealed class PlayoutAvException : Exception
{
    internal PlayoutAvException(int errorCode, string function, string context)
        : base($"{function} failed ({context}): {Describe(errorCode)} [code {errorCode}]")
    {
        ErrorCode = errorCode;
        Function = function;
        Reason = Describe(errorCode);
    }

    /// <summary>playout_av's or FFmpeg's words for the error alone ("Invalid data found when processing input").</summary>
    public string Reason { get; }

    /// <summary>PLAYOUT_AV_ENOSTREAM: the input has no stream that can be decoded (of the kinds asked for).</summary>
    public const int NoStream = -10014;

    /// <summary>The negative code the native function returned: an FFmpeg AVERROR or one of playout_av.h's PLAYOUT_AV_E* codes.</summary>
    public int ErrorCode { get; }

    /// <summary>The native function that failed, e.g. PlayoutAv_PackedEncode.</summary>
    public string Function { get; }

    /// <summary>playout_av's or FFmpeg's (av_strerror) description of a code.</summary>
    private static unsafe string Describe(int errorCode)
    {
        const int size = 256;
        byte* buffer = stackalloc byte[size];
        return PlayoutAvNative.ErrorString(errorCode, buffer, size) == 0
            ? Marshal.PtrToStringUTF8((nint)buffer) ?? ""
            : "no description";
    }
}
