using System.Runtime.CompilerServices;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// The keying formula, shared by the planar keyer and the fused v210 keyer. With a 10-bit key k
/// (0..1023) and opacity o (0..1024 = fully on):
/// k' = k + (k >> 9) maps the key onto 0..1024 so that 1023 is fully opaque;
/// kₑ = (k'·o + 512) >> 10 when o &lt; 1024, else k';
/// out = bg + (((fill − bg)·kₑ + 512) >> 10) — round half up, exact at kₑ = 0 (background) and 1024 (fill).
/// The vector form is the same integer arithmetic through x86's pmulhrsw: ((d·32)·kₑ + 2^14) >> 15.
/// A shaped fill s (premultiplied: the picture over black, s − black = k·(fill − black)) blends as
/// out = clamp(bg + sₒ − (black + (((bg − black)·kₑ + 512) >> 10)), 0, 1023), with sₒ = s at full opacity and
/// black + (((s − black)·o + 512) >> 10) below it: the background keyed down towards black, the fill added.
/// </summary>
internal static class KeyBlend
{
    public const int FullOpacity = 1024;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sample(int background, int fill, int key, int opacity)
    {
        int k = key + (key >> 9);
        if (opacity < FullOpacity)
            k = (k * opacity + 512) >> 10;
        return background + (((fill - background) * k + 512) >> 10);
    }

    /// <summary>The shaped blend of one sample whose black level is <paramref name="black"/> (64 for luma, 512 for chroma).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShapedSample(int background, int fill, int black, int key, int opacity)
    {
        int k = key + (key >> 9);
        if (opacity < FullOpacity)
        {
            k = (k * opacity + 512) >> 10;
            fill = black + (((fill - black) * opacity + 512) >> 10);
        }
        return Math.Clamp(background + fill - (black + (((background - black) * k + 512) >> 10)), 0, 1023);
    }

    /// <summary>Blends unsigned 10-bit samples in 16-bit elements; <paramref name="opacity32"/> is o·32, used only when <paramref name="partial"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Vector<TOps, TV>(TV background, TV fill, TV key, TV opacity32, bool partial)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV k = TOps.Add16(key, TOps.ShiftRight16(key, 9));
        if (partial)
            k = TOps.MultiplyHighRound16(k, opacity32);
        return TOps.Add16(background, TOps.MultiplyHighRound16(TOps.ShiftLeft16(TOps.Subtract16(fill, background), 5), k));
    }

    /// <summary>
    /// <see cref="ShapedSample"/> on 16-bit elements, the products by pmulhrsw as in <see cref="Vector{TOps,TV}"/>: the keyed-down
    /// background is subtracted with unsigned saturation (the floor at 0) from background + fill, then the top clamped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ShapedVector<TOps, TV>(TV background, TV fill, TV black, TV key, TV opacity32, bool partial, TV top)
        where TOps : ILaneOps<TV> where TV : struct
    {
        TV k = TOps.Add16(key, TOps.ShiftRight16(key, 9));
        if (partial)
        {
            k = TOps.MultiplyHighRound16(k, opacity32);
            fill = TOps.Add16(black, TOps.MultiplyHighRound16(TOps.Subtract16(fill, black), opacity32));
        }
        TV keyedDown = TOps.Add16(black, TOps.MultiplyHighRound16(TOps.ShiftLeft16(TOps.Subtract16(background, black), 5), k));
        return TOps.Min16(TOps.SubtractSaturate16(TOps.Add16(background, fill), keyedDown), top);
    }

    /// <summary>Opacity in 0..1 → 0..1024, the integer the kernels take.</summary>
    public static int ToInteger(double opacity)
    {
        if (double.IsNaN(opacity) || opacity < 0 || opacity > 1)
            throw new ArgumentOutOfRangeException(nameof(opacity), opacity, "opacity must be between 0 and 1");
        return (int)Math.Round(opacity * FullOpacity, MidpointRounding.AwayFromZero);
    }
}
