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
