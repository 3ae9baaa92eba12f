using System.Buffers.Binary;
using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// v210 ⇄ yuv422p10le, one line at a time. Packing clamps every sample to 4..1019 (0–3 and 1020–1023
/// are SDI timing-reference codes) and ends a width that is not a multiple of 6 the way FFmpeg's v210
/// encoder does: a partial group of 2 pixels is two words, of 4 pixels four words, then zeros to the
/// end of the destination. Output is byte-identical to FFmpeg's encoder; unpacking equals its decoder.
/// </summary>
public static class V210
{
    public const ushort VideoMin = 4;
    public const ushort VideoMax = 1019;

    /// <summary>Unpacks one v210 line of <paramref name="width"/> pixels into planar samples.</summary>
    /// <param name="streamed">Whether the frame this line belongs to is streamed past the cache (<see cref="OutputStores"/>, decided once per frame); a line alone stays in cache.</param>
    public static void Unpack(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr, int width,
        SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Unpack(source, luma, cb, cr, width, PixelFormat.V210LineBytes(width));
        int done = Packed422Kernel.Unpack(Packed422Pattern.V210, SimdPaths.Resolve(path), source, luma, cb, cr, width, streamed);
        UnpackScalar(source, luma, cb, cr, width, done);
    }

    /// <summary>Packs one line; writes the whole destination (picture, then zero padding).</summary>
    public static void Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination,
        int width, SimdPath path = SimdPath.Auto, bool streamed = false) =>
        Pack(luma, cb, cr, destination, width, VideoMin, VideoMax, path, streamed);

    /// <summary>Packs with a chosen clamp range: 0..1023 keeps key (alpha) signals whole.</summary>
    public static void Pack(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr, Span<byte> destination,
        int width, ushort min, ushort max, SimdPath path = SimdPath.Auto, bool streamed = false)
    {
        Packed422Checks.Pack(luma, cb, cr, destination, width, PixelFormat.V210LineBytes(width));
        int done = Packed422Kernel.Pack(Packed422Pattern.V210, SimdPaths.Resolve(path), luma, cb, cr, destination, width, min, max, streamed);
        PackScalar(luma, cb, cr, destination, width, min, max, done);
    }

    internal static void UnpackScalar(ReadOnlySpan<byte> source, Span<ushort> luma, Span<ushort> cb, Span<ushort> cr,
        int width, int fromGroup)
    {
        int groups = width / 6, group = fromGroup;
        for (; group < groups; group++)
        {
            ReadOnlySpan<byte> words = source.Slice(group * 16, 16);
            int y = group * 6, c = group * 3;
            Split(Word(words, 0), out cb[c], out luma[y], out cr[c]);
            Split(Word(words, 1), out luma[y + 1], out cb[c + 1], out luma[y + 2]);
            Split(Word(words, 2), out cr[c + 1], out luma[y + 3], out cb[c + 2]);
            Split(Word(words, 3), out luma[y + 4], out cr[c + 2], out luma[y + 5]);
        }
        int rest = width - groups * 6;
        if (rest == 0)
            return;
        ReadOnlySpan<byte> tail = source[(group * 16)..];
        int ty = group * 6, tc = group * 3;
        Split(Word(tail, 0), out cb[tc], out luma[ty], out cr[tc]);
        Split(Word(tail, 1), out luma[ty + 1], out var cb1, out var y2);
        if (rest == 4)
        {
            cb[tc + 1] = cb1;
            luma[ty + 2] = y2;
            Split(Word(tail, 2), out cr[tc + 1], out luma[ty + 3], out _);
        }
    }

    internal static void PackScalar(ReadOnlySpan<ushort> luma, ReadOnlySpan<ushort> cb, ReadOnlySpan<ushort> cr,
        Span<byte> destination, int width, ushort min, ushort max, int fromGroup)
    {
        int groups = width / 6, group = fromGroup;
        for (; group < groups; group++)
        {
            Span<byte> words = destination.Slice(group * 16, 16);
            int y = group * 6, c = group * 3;
            Put(words, 0, Join(cb[c], luma[y], cr[c], min, max));
            Put(words, 1, Join(luma[y + 1], cb[c + 1], luma[y + 2], min, max));
            Put(words, 2, Join(cr[c + 1], luma[y + 3], cb[c + 2], min, max));
            Put(words, 3, Join(luma[y + 4], cr[c + 2], luma[y + 5], min, max));
        }
        int written = group * 16, rest = width - groups * 6;
        if (rest > 0)
        {
            Span<byte> tail = destination[written..];
            int ty = group * 6, tc = group * 3;
            Put(tail, 0, Join(cb[tc], luma[ty], cr[tc], min, max));
            if (rest == 2)
                Put(tail, 1, Clamp(luma[ty + 1], min, max));
            else
            {
                Put(tail, 1, Join(luma[ty + 1], cb[tc + 1], luma[ty + 2], min, max));
                Put(tail, 2, Clamp(cr[tc + 1], min, max) | Clamp(luma[ty + 3], min, max) << 10);
            }
            written += rest == 2 ? 8 : 12;
        }
        destination[written..].Clear();
    }

    private static uint Word(ReadOnlySpan<byte> words, int index) => BinaryPrimitives.ReadUInt32LittleEndian(words[(index * 4)..]);

    private static void Put(Span<byte> words, int index, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(words[(index * 4)..], value);

    private static void Split(uint word, out ushort first, out ushort second, out ushort third)
    {
        first = (ushort)(word & 0x3FF);
        second = (ushort)((word >> 10) & 0x3FF);
        third = (ushort)((word >> 20) & 0x3FF);
    }

    private static uint Clamp(ushort sample, ushort min, ushort max) => Math.Clamp(sample, min, max);

    private static uint Join(ushort first, ushort second, ushort third, ushort min, ushort max) =>
        Clamp(first, min, max) | Clamp(second, min, max) << 10 | Clamp(third, min, max) << 20;
}
