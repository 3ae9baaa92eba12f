using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210DecoderOpen")]
    public static partial int V210DecoderOpen(int width, int height, out V210DecoderHandle decoder);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210Decode")]
    public static partial int V210Decode(V210DecoderHandle decoder,
        byte* source, int sourceSize,
        byte* y, int yStride, int ySize,
        byte* cb, int cbStride, int cbSize,
        byte* cr, int crStride, int crSize);

    /// <summary>Takes the raw pointer: it is called from <see cref="V210DecoderHandle.ReleaseHandle"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210DecoderClose")]
    public static partial int V210DecoderClose(nint decoder);
}
