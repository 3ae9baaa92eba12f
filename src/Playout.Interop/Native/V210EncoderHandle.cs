using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvV210Encoder*; closing it frees the native encoder.</summary>
internal sealed class V210EncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public V210EncoderHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.V210EncoderClose(handle) == 0;
}
