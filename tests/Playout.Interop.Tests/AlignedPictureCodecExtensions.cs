namespace Playout.Interop.Tests;

/// <summary>The v210 wrappers called with an <see cref="AlignedPicture"/>'s three yuv422p10le planes.</summary>
internal static class AlignedPictureCodecExtensions
{
    public static void Encode(this FfmpegV210Encoder encoder, AlignedPicture picture, Span<byte> v210) =>
        encoder.Encode(picture.Samples(0), picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2), v210);

    public static void Decode(this FfmpegV210Decoder decoder, ReadOnlySpan<byte> v210, AlignedPicture picture) =>
        decoder.Decode(v210, picture.Samples(0), picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2));
}
