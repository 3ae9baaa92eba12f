using Playout.Media.Formats;

namespace Playout.Media.Kernels;

/// <summary>Argument checks shared by the 4:2:2 line kernels, kept out of their loops.</summary>
internal static class Packed422Checks
{
    public static void Unpack(ReadOnlySpan<byte> source, ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb,
        ReadOnlySpan<ushort> cr, int width, int sourceBytes)
    {
        Width(width);
        Length("source", source.Length, sourceBytes, width);
        Planes(luma, cb, cr, width);
    }

    public static void Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr,
        ReadOnlySpan<byte> destination, int width, int destinationBytes)
    {
        Width(width);
        Planes(luma, cb, cr, width);
        Length("destination", destination.Length, destinationBytes, width);
    }

    public static void Planes(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, int width)
    {
        Length("luma", luma.Length, width, width);
        Length("cb", cb.Length, width / 2, width);
        Length("cr", cr.Length, width / 2, width);
    }

    public static void Width(int width)
    {
        if (!PixelFormat.IsValidWidth(width))
            throw new ArgumentOutOfRangeException(nameof(width), width, "4:2:2 lines need a positive, even width");
    }

    public static void Length(string name, int actual, int needed, int width)
    {
        if (actual < needed)
            throw new ArgumentException($"{name} holds {actual} elements but a line of {width} pixels needs {needed}", name);
    }
}
