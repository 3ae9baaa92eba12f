using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Playout.Media.Formats;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Keys a <see cref="KeyedOverlay"/> over v210 video in one pass per line: each group of 6 pixels is
/// unpacked, blended and repacked while it is in registers, never stored as planar samples. Runs of
/// transparent blocks are copied from the video (or skipped when keying in place), runs of opaque
/// blocks at full opacity are copied from the fill, so a lower third costs little more than a copy.
/// A straight overlay's blended samples lie between the video and fill samples, so they need no clamping; a shaped
/// (premultiplied) overlay's are clamped to 10 bits (<see cref="KeyBlend"/>).
/// </summary>
public static class FusedV210Keyer
{
    /// <summary>
    /// Keys the overlay's rectangle of a v210 frame; <paramref name="destination"/> may be <paramref name="video"/> itself.
    /// Only the lines and blocks the overlay covers are written.
    /// </summary>
    public static void KeyFrame(ReadOnlySpan<byte> video, int videoStride, KeyedOverlay overlay, Span<byte> destination,
        int destinationStride, double opacity, SimdPath path = SimdPath.Auto)
    {
        for (int line = 0; line < overlay.Height; line++)
        {
            int row = overlay.Top + line;
            KeyLine(video.Slice(row * videoStride + overlay.LineOffset, overlay.Stride), overlay, line,
                destination.Slice(row * destinationStride + overlay.LineOffset, overlay.Stride), opacity, path);
        }
    }

    /// <summary>
    /// Keys line <paramref name="line"/> of the overlay over the blocks of one v210 line it covers: <paramref name="video"/>
    /// and <paramref name="destination"/> start at <see cref="KeyedOverlay.LineOffset"/> of their lines.
    /// </summary>
    public static void KeyLine(ReadOnlySpan<byte> video, KeyedOverlay overlay, int line, Span<byte> destination, double opacity,
        SimdPath path = SimdPath.Auto)
    {
        int stride = overlay.Stride, blocks = overlay.BlocksPerLine;
        if (video.Length < stride || destination.Length < stride)
            throw new ArgumentException($"video ({video.Length} bytes) and destination ({destination.Length} bytes) must hold a {overlay.Width}-pixel v210 line of {stride} bytes");
        if ((uint)line >= (uint)overlay.Height)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"the overlay has {overlay.Height} lines");
        bool inPlace = video.Overlaps(destination, out int offset);
        if (inPlace && offset != 0)
            throw new ArgumentException("video and destination overlap without being the same line", nameof(destination));
        int o = KeyBlend.ToInteger(opacity);
        // The alphas run on to the array's end: the vector loads of a line's last step read past it (KeyedOverlay.AlphaPadding).
        ReadOnlySpan<byte> fill = overlay.Fill.AsSpan(line * stride, stride), alpha = overlay.Alpha.AsSpan(line * overlay.AlphaStride);
        ReadOnlySpan<byte> classes = overlay.BlockClasses.AsSpan(line * blocks, blocks);
        SimdPath resolved = SimdPaths.Resolve(path);
        for (int block = 0; block < blocks;)
        {
            KeyBlockClass kind = Effective(classes[block], o);
            int end = RunEnd(classes, block, kind, o);
            int from = block * 128, bytes = (end - block) * 128;
            if (kind == KeyBlockClass.Mixed)
                Blend(resolved, video, fill, alpha, destination, block * 8, end * 8, o, overlay.Shaped);
            else if (kind == KeyBlockClass.Opaque)
                fill.Slice(from, bytes).CopyTo(destination.Slice(from, bytes));
            else if (!inPlace)
                video.Slice(from, bytes).CopyTo(destination.Slice(from, bytes));
            block = end;
        }
    }

    /// <summary>
    /// Dissolves between two v210 lines of <paramref name="width"/> pixels: destination = from + (to − from)·amount,
    /// with the keyer's arithmetic and a fully opaque key. <paramref name="destination"/> may be either input.
    /// </summary>
    public static void DissolveLine(ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, Span<byte> destination, int width, double amount,
        SimdPath path = SimdPath.Auto)
    {
        int stride = PixelFormat.V210Stride(width);
        if (from.Length < stride || to.Length < stride || destination.Length < stride)
            throw new ArgumentException($"from ({from.Length}), to ({to.Length}) and destination ({destination.Length}) must each hold a {width}-pixel v210 line of {stride} bytes");
        Blend(SimdPaths.Resolve(path), from, to, OpaqueAlpha(stride), destination, 0, stride / 16, KeyBlend.ToInteger(amount), shaped: false);
    }

    private static byte[] s_opaqueAlpha = [];

    /// <summary>Alphas of a line that is opaque everywhere, padded as an overlay's; grown (rarely) to the widest line asked for, then shared.</summary>
    private static ReadOnlySpan<byte> OpaqueAlpha(int stride)
    {
        int length = KeyedOverlay.AlphaStrideOf(stride) + KeyedOverlay.AlphaPadding;
        var alpha = Volatile.Read(ref s_opaqueAlpha);
        if (alpha.Length < length)
        {
            alpha = new byte[length];
            alpha.AsSpan().Fill(255);
            Volatile.Write(ref s_opaqueAlpha, alpha);
        }
        return alpha.AsSpan(0, length);
    }

    /// <summary>The black a shaped fill is keyed towards: 10-bit luma and chroma.</summary>
    private const int LumaBlack = 64, ChromaBlack = 512;

    /// <summary>
    /// The end of the run of blocks keyed as <paramref name="block"/> is (<paramref name="kind"/>), found by vector compares: a
    /// line of one class costs a few steps, where a test a block took a tenth of a full-frame key's time in cache.
    /// </summary>
    private static int RunEnd(ReadOnlySpan<byte> classes, int block, KeyBlockClass kind, int opacity)
    {
        var rest = classes[block..];
        int length = opacity == 0 ? -1
            : kind == KeyBlockClass.Mixed && opacity < KeyBlend.FullOpacity ? rest.IndexOfAnyExcept((byte)KeyBlockClass.Mixed, (byte)KeyBlockClass.Opaque)
            : rest.IndexOfAnyExcept(rest[0]);
        return length < 0 ? classes.Length : block + length;
    }

    private static KeyBlockClass Effective(byte kind, int opacity) =>
        opacity == 0 ? KeyBlockClass.Transparent
        : kind == (byte)KeyBlockClass.Opaque && opacity < KeyBlend.FullOpacity ? KeyBlockClass.Mixed
        : (KeyBlockClass)kind;

    /// <summary>Groups <paramref name="fromGroup"/> to <paramref name="toGroup"/>; their alphas are 6 a group from <paramref name="alpha"/>'s start, padded.</summary>
    private static void Blend(SimdPath path, ReadOnlySpan<byte> video, ReadOnlySpan<byte> fill, ReadOnlySpan<byte> alpha,
        Span<byte> destination, int fromGroup, int toGroup, int opacity, bool shaped)
    {
        if (alpha.Length < 6 * toGroup + KeyedOverlay.AlphaPadding)
            throw new ArgumentException($"{alpha.Length} alphas cannot key {toGroup} groups and be read by whole vectors", nameof(alpha));
        switch (path)
        {
            case SimdPath.Vector128: Blend<Lanes128, Vector128<byte>>(video, fill, alpha, destination, fromGroup, toGroup, opacity, shaped); break;
            case SimdPath.Vector256: Blend<Lanes256, Vector256<byte>>(video, fill, alpha, destination, fromGroup, toGroup, opacity, shaped); break;
            case SimdPath.Vector512: Blend<Lanes512, Vector512<byte>>(video, fill, alpha, destination, fromGroup, toGroup, opacity, shaped); break;
            default: BlendScalar(video, fill, alpha, destination, fromGroup, toGroup, opacity, shaped); break;
        }
    }

    /// <summary>
    /// The reference: every 10-bit slot of every word blends with its sample's key. A group's twelve slots are Cb0 Y0 Cr0 Y1 Cb1 Y2
    /// Cr1 Y3 Cb2 Y4 Cr2 Y5: an odd slot s is pixel (s − 1)/2's luma, an even one pair s/4's chroma, keyed by the mean of its two
    /// pixels' keys rounded half up (<see cref="BgraConverter"/>'s chroma key). A shaped fill blends as <see cref="KeyBlend.ShapedSample"/>.
    /// </summary>
    private static void BlendScalar(ReadOnlySpan<byte> video, ReadOnlySpan<byte> fill, ReadOnlySpan<byte> alpha,
        Span<byte> destination, int fromGroup, int toGroup, int opacity, bool shaped)
    {
        for (int group = fromGroup; group < toGroup; group++)
        {
            ReadOnlySpan<byte> alphas = alpha.Slice(6 * group, 6);
            for (int at = group * 16, slot = 0; slot < 12; at += 4)
            {
                uint v = BinaryPrimitives.ReadUInt32LittleEndian(video[at..]), f = BinaryPrimitives.ReadUInt32LittleEndian(fill[at..]);
                uint word = 0;
                for (int shift = 0; shift < 30; shift += 10, slot++)
                {
                    int key = slot % 2 == 1 ? BgraConverter.Key(alphas[(slot - 1) / 2])
                        : (BgraConverter.Key(alphas[slot / 4 * 2]) + BgraConverter.Key(alphas[slot / 4 * 2 + 1]) + 1) >> 1;
                    int background = (int)(v >> shift) & 0x3FF, sample = (int)(f >> shift) & 0x3FF;
                    int blended = shaped ? KeyBlend.ShapedSample(background, sample, slot % 2 == 1 ? LumaBlack : ChromaBlack, key, opacity)
                        : KeyBlend.Sample(background, sample, key, opacity);
                    word |= (uint)blended << shift;
                }
                BinaryPrimitives.WriteUInt32LittleEndian(destination[at..], word);
            }
        }
    }

    private static unsafe void Blend<TOps, TV>(ReadOnlySpan<byte> video, ReadOnlySpan<byte> fill, ReadOnlySpan<byte> alpha,
        Span<byte> destination, int fromGroup, int toGroup, int opacity, bool shaped)
        where TOps : ILaneOps<TV> where TV : struct
    {
        var lanes = Packed422Lanes<TOps, TV>.V210;
        var keys = AlphaKeys<TOps, TV>.Instance;
        TV opacity32 = LaneShuffle.Splat16<TOps, TV>((ushort)(opacity * 32));
        bool partial = opacity < KeyBlend.FullOpacity;
        TV lumaBlack = LaneShuffle.Splat16<TOps, TV>(LumaBlack), chromaBlack = LaneShuffle.Splat16<TOps, TV>(ChromaBlack);
        TV top = LaneShuffle.Splat16<TOps, TV>(1023);
        ref byte v = ref MemoryMarshal.GetReference(video), f = ref MemoryMarshal.GetReference(fill), a = ref MemoryMarshal.GetReference(alpha);
        fixed (byte* pinned = destination)
        {
            // The keyer's figures were measured streaming: its output is the programme frame, handed on to the outputs.
            var output = new StreamingOutput<TOps, TV>(pinned, streamed: true);
            for (int group = fromGroup; group < toGroup; group += TOps.Lanes)
            {
                nint at = group * 16;
                SourcePrefetch.Ahead(ref Unsafe.Add(ref v, at), 16 * TOps.Lanes);
                SourcePrefetch.Ahead(ref Unsafe.Add(ref f, at), 16 * TOps.Lanes);
                SourcePrefetch.Ahead(ref Unsafe.Add(ref a, 6 * group), 6 * TOps.Lanes);
                lanes.Unpack(TOps.Load(ref Unsafe.Add(ref v, at)), out var videoLuma, out var videoChroma);
                lanes.Unpack(TOps.Load(ref Unsafe.Add(ref f, at)), out var fillLuma, out var fillChroma);
                keys.Keys(ref Unsafe.Add(ref a, 6 * group), out var keyLuma, out var keyChroma);
                TV luma = shaped ? KeyBlend.ShapedVector<TOps, TV>(videoLuma, fillLuma, lumaBlack, keyLuma, opacity32, partial, top)
                    : KeyBlend.Vector<TOps, TV>(videoLuma, fillLuma, keyLuma, opacity32, partial);
                TV chroma = shaped ? KeyBlend.ShapedVector<TOps, TV>(videoChroma, fillChroma, chromaBlack, keyChroma, opacity32, partial, top)
                    : KeyBlend.Vector<TOps, TV>(videoChroma, fillChroma, keyChroma, opacity32, partial);
                output.Store(lanes.Pack(luma, chroma), at);
            }
            output.Complete();
        }
    }
}
