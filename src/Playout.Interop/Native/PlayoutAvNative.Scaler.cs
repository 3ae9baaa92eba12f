using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_ScalerOpen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ScalerOpen(
        int sourceWidth, int sourceHeight, string sourceFormat,
        int destinationWidth, int destinationHeight, string destinationFormat,
        int flags, out ScalerHandle scaler);

    /// <summary>Each pointer argument is an array of 4, one entry per plane.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_Scale")]
    public static partial int Scale(ScalerHandle scaler,
        byte** source, int* sourceStrides, int* sourceSizes,
        byte** destination, int* destinationStrides, int* destinationSizes);

    /// <summary>Takes the raw pointer: it is called from <see cref="ScalerHandle.ReleaseHandle"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_ScalerClose")]
    public static partial int ScalerClose(nint scaler);
}
