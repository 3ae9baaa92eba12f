using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvPackedDecoder*; closing it frees the native decoder.</summary>
internal sealed class PackedDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PackedDecoderHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.PackedDecoderClose(handle) == 0;
}
