namespace Playout.Media.Formats;

/// <summary>The ITU-R recommendation whose primaries and Y'CbCr matrix a video mode uses.</summary>
public enum Colorimetry
{
    /// <summary>ITU-R BT.601 matrix; primaries are the system's own (EBU for 625 lines, SMPTE 170M for 525).</summary>
    Bt601,

    /// <summary>ITU-R BT.709, the HD colorimetry.</summary>
    Bt709,

    /// <summary>ITU-R BT.2020 non-constant-luminance, which BT.2100 also uses for HDR.</summary>
    Bt2020,
}
