using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvSink*; closing it frees the native object.</summary>
internal sealed class SinkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SinkHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.SinkClose(handle) == 0;
}
