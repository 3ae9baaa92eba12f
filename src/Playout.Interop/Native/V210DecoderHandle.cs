using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvV210Decoder*; closing it frees the native decoder.</summary>
internal sealed class V210DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public V210DecoderHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.V210DecoderClose(handle) == 0;
}
