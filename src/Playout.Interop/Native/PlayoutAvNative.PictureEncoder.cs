using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

internal static unsafe partial class PlayoutAvNative
{
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PictureEncoderOpen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PictureEncoderOpen(int sourceWidth, int sourceHeight, string sourceFormat,
        int width, int height, string codec, int quality, out PictureEncoderHandle encoder);

    /// <summary>Each plane argument is an array of 4.</summary>
    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PictureEncode")]
    public static partial int PictureEncode(PictureEncoderHandle encoder, byte** planes, int* strides, int* sizes,
        byte* output, int capacity, int* size);

    [LibraryImport(LibraryName, EntryPoint = "PlayoutAv_PictureEncoderClose")]
    public static partial int PictureEncoderClose(nint encoder);
}
