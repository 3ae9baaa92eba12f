namespace Playout.Interop;

/// <summary>
/// swscale's SWS_* flags (libswscale/swscale.h), same values. Pick at most one algorithm
/// (none means swscale's default, bicubic) and add any of the modifiers.
/// </summary>
[Flags]
public enum FfmpegScalerFlags
{
    None = 0,
    FastBilinear = 0x1,
    Bilinear = 0x2,
    Bicubic = 0x4,
    Point = 0x10,
    Area = 0x20,
    Lanczos = 0x200,
    Spline = 0x400,

    /// <summary>SWS_FULL_CHR_H_INT: full chroma interpolation when writing RGB.</summary>
    FullChromaInterpolation = 0x2000,

    /// <summary>SWS_FULL_CHR_H_INP: full chroma resolution when reading RGB.</summary>
    FullChromaInput = 0x4000,

    /// <summary>SWS_ACCURATE_RND: exact rounding instead of the faster approximations.</summary>
    AccurateRounding = 0x40000,

    /// <summary>SWS_BITEXACT: the same output on every CPU.</summary>
    BitExact = 0x80000,
}
