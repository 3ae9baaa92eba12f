using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvPackedEncoder*; closing it frees the native encoder.</summary>
internal sealed class PackedEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PackedEncoderHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.PackedEncoderClose(handle) == 0;
}
