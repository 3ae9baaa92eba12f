using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedDecoderOpen")]
    public static partial int PackedDecoderOpen(int codec, int width, int height, out PackedDecoderHandle decoder);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedDecode")]
    public static partial int PackedDecode(PackedDecoderHandle decoder,
        byte* source, int sourceSize,
        byte* y, int yStride, int ySize,
        byte* cb, int cbStride, int cbSize,
        byte* cr, int crStride, int crSize);

    /// <summary>Takes the raw pointer: it is called from <see cref="PackedDecoderHandle.ReleaseHandle"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PackedDecoderClose")]
    public static partial int PackedDecoderClose(nint decoder);
}
