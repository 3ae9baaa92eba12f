namespace Playout.Interop.Native;

/// <summary>
/// The C ABI of libplayout_av (native/include/playout_av.h), one file per function group.
/// Every function returns 0 or a negative code; <see cref="PlayoutAvException"/> turns codes into messages.
/// </summary>
internal static partial class PlayoutAvNative
{
    /// <summary>Probed as libplayout_av.so next to the assemblies.</summary>
    public const string LibraryName = "playout_av";

    /// <summary>PLAYOUT_AV_ABI_VERSION these bindings were written against.</summary>
    public const int ExpectedAbiVersion = 6;
}
