namespace Playout.Media.Kernels;

/// <summary>What keying does to a 48-pixel block of video.</summary>
public enum KeyBlockClass : byte
{
    /// <summary>Key 0 everywhere: the video passes unchanged.</summary>
    Transparent,

    /// <summary>Key 1023 everywhere: the fill replaces the video (at full opacity).</summary>
    Opaque,

    /// <summary>Anything else: blend sample by sample.</summary>
    Mixed,
}
