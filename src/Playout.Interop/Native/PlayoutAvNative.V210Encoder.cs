using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210EncoderOpen")]
    public static partial int V210EncoderOpen(int width, int height, out V210EncoderHandle encoder);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210Encode")]
    public static partial int V210Encode(V210EncoderHandle encoder,
        byte* y, int yStride, int ySize,
        byte* cb, int cbStride, int cbSize,
        byte* cr, int crStride, int crSize,
        byte* destination, int destinationSize);

    /// <summary>Takes the raw pointer: it is called from <see cref="V210EncoderHandle.ReleaseHandle"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_V210EncoderClose")]
    public static partial int V210EncoderClose(nint encoder);
}
