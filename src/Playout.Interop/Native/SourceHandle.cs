using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvSource*; closing it frees the native object.</summary>
internal sealed class SourceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SourceHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.SourceClose(handle) == 0;
}
