using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvPictureEncoder*; closing it frees the native object.</summary>
internal sealed class PictureEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PictureEncoderHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.PictureEncoderClose(handle) == 0;
}
