using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedEncoderOpen")]
    public static partial int PackedEncoderOpen(int codec, int width, int height, out PackedEncoderHandle encoder);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedEncode")]
    public static partial int PackedEncode(PackedEncoderHandle encoder,
        byte* y, int yStride, int ySize,
        byte* cb, int cbStride, int cbSize,
        byte* cr, int crStride, int crSize,
        byte* destination, int destinationSize);

    /// <summary>Takes the raw pointer: it is called from <see cref="PackedEncoderHandle.ReleaseHandle"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedEncoderClose")]
    public static partial int PackedEncoderClose(nint encoder);
}
