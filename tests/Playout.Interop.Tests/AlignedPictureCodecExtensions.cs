namespace Playout.Interop.Tests;

/// <summary>The packed codec wrappers called with an <see cref="AlignedPicture"/>'s three yuv422p10le planes.</summary>
internal static class AlignedPictureCodecExtensions
{
    public static void Encode(this FfmpegPackedEncoder encoder, AlignedPicture picture, Span<byte> packed) =>
        encoder.Encode(picture.Samples(0), picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2), packed);

    public static void Decode(this FfmpegPackedDecoder decoder, ReadOnlySpan<byte> packed, AlignedPicture picture) =>
        decoder.Decode(packed, picture.Samples(0), picture.SampleStride(0), picture.Samples(1), picture.SampleStride(1),
            picture.Samples(2), picture.SampleStride(2));
}
