using Playout.Media.Formats;

namespace Playout.Media.Kernels;

/// <summary>
/// R'G'B' → Y'CbCr coefficients for 10-bit limited range (Y' 64–940, Cb/Cr 64–960 around 512), as
/// 16.16 fixed point for 8-bit input. Each row is rounded so that greys give exactly Cb = Cr = 512 and
/// white exactly Y' = 940: the green coefficient absorbs the rounding of the other two.
/// </summary>
public sealed class ColorMatrix
{
    public static ColorMatrix Bt601 { get; } = new("BT.601", 0.299, 0.114);
    public static ColorMatrix Bt709 { get; } = new("BT.709", 0.2126, 0.0722);
    public static ColorMatrix Bt2020 { get; } = new("BT.2020", 0.2627, 0.0593);

    private ColorMatrix(string name, double kr, double kb)
    {
        Name = name;
        Kr = kr;
        Kb = kb;
        double luma = 876.0 / 255 * 65536, chroma = 896.0 / 255 * 65536;
        int lumaSum = (int)Math.Round(luma);
        YR = (int)Math.Round(kr * luma);
        YB = (int)Math.Round(kb * luma);
        YG = lumaSum - YR - YB;
        CbR = (int)Math.Round(-kr / (2 * (1 - kb)) * chroma);
        CbB = (int)Math.Round(0.5 * chroma);
        CbG = -CbR - CbB;
        CrR = CbB;
        CrB = (int)Math.Round(-kb / (2 * (1 - kr)) * chroma);
        CrG = -CrR - CrB;
    }

    public string Name { get; }

    /// <summary>The red and blue luma weights; green is 1 − Kr − Kb.</summary>
    public double Kr { get; }
    public double Kb { get; }

    /// <summary>The matrix a video format's colorimetry calls for.</summary>
    public static ColorMatrix For(Colorimetry colorimetry) => colorimetry switch
    {
        Colorimetry.Bt601 => Bt601,
        Colorimetry.Bt2020 => Bt2020,
        _ => Bt709,
    };

    /// <summary>
    /// Exact 10-bit limited-range Y'CbCr of an R'G'B' colour given as fractions of full scale (0..1), rounded
    /// once: 75 % bars come out as the published code values (e.g. BT.709 75 % yellow: 674, 176, 543).
    /// </summary>
    public (ushort Y, ushort Cb, ushort Cr) FromRgb(double r, double g, double b)
    {
        double y = Kr * r + (1 - Kr - Kb) * g + Kb * b;
        double cb = (b - y) / (2 * (1 - Kb)), cr = (r - y) / (2 * (1 - Kr));
        return ((ushort)Math.Round(64 + 876 * y), (ushort)Math.Round(512 + 896 * cb), (ushort)Math.Round(512 + 896 * cr));
    }
    internal int YR { get; }
    internal int YG { get; }
    internal int YB { get; }
    internal int CbR { get; }
    internal int CbG { get; }
    internal int CbB { get; }
    internal int CrR { get; }
    internal int CrG { get; }
    internal int CrB { get; }

    public override string ToString() => Name;
}
