using Microsoft.Win32.SafeHandles;

namespace Playout.Interop.Native;

/// <summary>Owns a PlayoutAvScaler*; closing it frees the native scaler.</summary>
internal sealed class ScalerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ScalerHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PlayoutAvNative.ScalerClose(handle) == 0;
}
