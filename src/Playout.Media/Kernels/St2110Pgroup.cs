using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// SMPTE ST 2110-20 / RFC 4175 4:2:2 10-bit pgroups ⇄ yuv422p10le, one line at a time: each pixel pair
/// is Cb, Y0, Cr, Y1 packed big-endian into 5 bytes (the layout FFmpeg calls "bitpacked"). Samples
/// above 1023 are clamped to 1023 when packing.
/// </summary>
public static class St2110Pgroup
{
    /// <summary>Bytes of one line of <paramref name="width"/> pixels.</summary>
    public static int LineBytes(int width) => width * 5 / 2;

    /// <param name="streamed">Whether the frame this line belongs to is streamed past the cache (<see cref="OutputStores"/>, decided once per frame); a line alone stays in cache.</param>
    public static void Unpack(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width,
        SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Unpack(source, luma, cb, cr, width, LineBytes(width));
        int done = Packed422Kernel.Unpack(Packed422Pattern.St2110, SimdPaths.Resolve(path), source, luma, cb, cr, width, streamed);
        for (int pair = done * 3; pair < width / 2; pair++)
        {
            ReadOnlySpan<byte> p = source.Slice(pair * 5, 5);
            cb[pair] = (ushort)(p[0] << 2 | p[1] >> 6);
            luma[2 * pair] = (ushort)((p[1] & 0x3F) << 4 | p[2] >> 4);
            cr[pair] = (ushort)((p[2] & 0x0F) << 6 | p[3] >> 2);
            luma[2 * pair + 1] = (ushort)((p[3] & 0x03) << 8 | p[4]);
        }
    }

    /// <summary>Packs one line; writes exactly <see cref="LineBytes"/> bytes.</summary>
    public static void Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination,
        int width, SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Pack(luma, cb, cr, destination, width, LineBytes(width));
        int done = Packed422Kernel.Pack(Packed422Pattern.St2110, SimdPaths.Resolve(path), luma, cb, cr, destination, width, 0, 1023, streamed);
        for (int pair = done * 3; pair < width / 2; pair++)
        {
            int u = Math.Min(cb[pair], (ushort)1023), y0 = Math.Min(luma[2 * pair], (ushort)1023);
            int v = Math.Min(cr[pair], (ushort)1023), y1 = Math.Min(luma[2 * pair + 1], (ushort)1023);
            Span<byte> p = destination.Slice(pair * 5, 5);
            p[0] = (byte)(u >> 2);
            p[1] = (byte)((u & 0x03) << 6 | y0 >> 4);
            p[2] = (byte)((y0 & 0x0F) << 4 | v >> 6);
            p[3] = (byte)((v & 0x3F) << 2 | y1 >> 8);
            p[4] = (byte)y1;
        }
    }
}
