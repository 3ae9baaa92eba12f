namespace Playout.Interop;

/// <summary>What <see cref="FfmpegPackedEncoder"/> and <see cref="FfmpegPackedDecoder"/> share: the codec, the picture size and the packed frame's geometry.</summary>
public abstract class FfmpegPackedCoder(FfmpegPackedCodec codec, int width, int height)
{
    public FfmpegPackedCodec Codec { get; } = codec;
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>Bytes of one packed line: ceil(width / 48) · 128 for v210 (zero after the picture), width · 5 / 2 for bitpacked.</summary>
    public int Stride => PackedGeometry.Stride(Codec, Width);

    /// <summary>Bytes of one packed frame: <see cref="Stride"/> · height.</summary>
    public int FrameSize => Stride * Height;
}
