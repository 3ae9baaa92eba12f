namespace Playout.Interop;

/// <summary>The packed 10-bit 4:2:2 codecs of FFmpeg that <see cref="FfmpegPackedEncoder"/> and <see cref="FfmpegPackedDecoder"/> drive (PLAYOUT_AV_PACKED_*).</summary>
public enum FfmpegPackedCodec
{
    /// <summary>FFmpeg's "v210": lines of ceil(width / 48) · 128 bytes, the end of each zero-filled.</summary>
    V210 = 1,

    /// <summary>FFmpeg's "bitpacked": SMPTE ST 2110-20 / RFC 4175 pgroups (Cb Y0 Cr Y1, 10 bits each, big-endian), lines of width · 5 / 2 bytes back to back.</summary>
    Bitpacked = 2,
}
