using System.Runtime.Intrinsics;

namespace Playout.Media.Simd;

/// <summary>
/// The vector operations the pixel kernels are written against, once, for every width. A vector is
/// <see cref="Lanes"/> independent 128-bit lanes; kernels give each lane one pixel group, so the same
/// code runs on Vector128 (1 group per step), Vector256 (2) and Vector512 (4). Element types are in
/// the method names (16 = unsigned 16-bit lanes, 32 = 32-bit lanes) because the vector type is bytes.
/// Implementations are structs with static members so the JIT specialises and inlines each kernel.
/// </summary>
internal interface ILaneOps<TV> where TV : struct
{
    /// <summary>Number of 128-bit lanes in <typeparamref name="TV"/>.</summary>
    static abstract int Lanes { get; }

    /// <summary>Loads Lanes·16 contiguous bytes.</summary>
    static abstract TV Load(ref byte source);

    /// <summary>Stores Lanes·16 contiguous bytes.</summary>
    static abstract void Store(TV value, ref byte destination);

    /// <summary>
    /// Stores Lanes·16 contiguous bytes at an address aligned to that size, bypassing the cache: the
    /// line is not read first (no read-for-ownership), which saves a third of the memory traffic of a
    /// large frame written once and read later by someone else.
    /// </summary>
    static abstract unsafe void StoreNonTemporal(TV value, byte* destination);

    /// <summary>
    /// Lane i holds the eight 16-bit samples starting at sample <paramref name="stride"/>·i of source:
    /// one contiguous load spread over the lanes. Reads Lanes·8 samples. The 4:2:2 kernels use stride 6
    /// (a group's luma), which is the stride the permuting implementations are built for.
    /// </summary>
    static abstract TV LoadSpread16(ref byte source, int stride);

    /// <summary>Lane i holds four samples from low + <paramref name="stride"/>·i, then four from high + stride·i. Reads Lanes·4 samples from each; stride 3 (a v210 group's chroma) or 4.</summary>
    static abstract TV LoadSpreadHalves16(ref byte low, ref byte high, int stride);

    /// <summary>
    /// True where the prefix loads and stores below are masked instructions (AVX-512BW, with VL under 512 bits), which
    /// touch no memory past the prefix: a kernel finishes a line with them instead of the scalar reference. Where false they must not be called.
    /// </summary>
    static abstract bool MasksMemory { get; }

    /// <summary>As <see cref="LoadSpread16"/>, reading only the first <paramref name="samples"/> samples; the rest read as zero.</summary>
    static abstract TV LoadSpreadPrefix16(ref byte source, int stride, int samples);

    /// <summary>As <see cref="LoadSpreadHalves16"/>, reading only the first <paramref name="samples"/> samples of each half; the rest read as zero.</summary>
    static abstract TV LoadSpreadHalvesPrefix16(ref byte low, ref byte high, int stride, int samples);

    /// <summary>Loads the first <paramref name="bytes"/> bytes from source; the rest read as zero.</summary>
    static abstract TV LoadPrefix(ref byte source, int bytes);

    /// <summary>As <see cref="StoreGather16"/>, writing only the first <paramref name="samples"/> samples.</summary>
    static abstract void StoreGatherPrefix16(TV value, ref byte destination, int stride, int samples);

    /// <summary>As <see cref="StoreGatherHalves16"/>, writing only the first <paramref name="samples"/> samples to each.</summary>
    static abstract void StoreGatherHalvesPrefix16(TV value, ref byte low, ref byte high, int stride, int samples);

    /// <summary>Stores the first <paramref name="bytes"/> bytes of value and touches nothing after them.</summary>
    static abstract void StorePrefix(TV value, ref byte destination, int bytes);

    /// <summary>
    /// The inverse of <see cref="LoadSpread16"/>: the first <paramref name="stride"/> (6) samples of each
    /// lane, one after another, from destination on. Writes Lanes·8 samples; those after Lanes·stride are junk.
    /// </summary>
    static abstract void StoreGather16(TV value, ref byte destination, int stride);

    /// <summary>
    /// Of each lane, the first <paramref name="stride"/> (3 or 4) samples of its low half go one after another to
    /// low, those of its high half to high. Writes Lanes·4 samples to each; those after Lanes·stride are junk.
    /// </summary>
    static abstract void StoreGatherHalves16(TV value, ref byte low, ref byte high, int stride);

    /// <summary>True where <see cref="Permute16"/> is one instruction (AVX-512BW vpermt2w, with VL for 256 bits).</summary>
    static abstract bool PermutesAcrossLanes { get; }

    /// <summary>
    /// Element i of the result is 16-bit element indices[i] of first (index &lt; Lanes·8) or of second
    /// (index − Lanes·8): a two-source permute across the whole vectors.
    /// </summary>
    static abstract TV Permute16(TV first, TV second, TV indices);

    /// <summary>True where <see cref="PermuteBytes"/> is one instruction (AVX-512VBMI vpermb, with VL under 512 bits). Where false it must not be called.</summary>
    static abstract bool PermutesBytes { get; }

    /// <summary>Byte i of the result is byte indices[i] of value: a byte permute across the whole vector.</summary>
    static abstract TV PermuteBytes(TV value, TV indices);

    /// <summary>
    /// Byte i of the result is byte indices[i] of first (index &lt; Lanes·16) or of second (index − Lanes·16): a two-source
    /// byte permute across the whole vectors (vpermt2b). Only where <see cref="PermutesBytes"/>.
    /// </summary>
    static abstract TV PermuteBytes2(TV first, TV second, TV indices);

    /// <summary>Each 16-bit element shifted right (logical) by its own count (vpsrlvw). Only where <see cref="PermutesBytes"/>.</summary>
    static abstract TV ShiftRightVariable16(TV value, TV counts);

    /// <summary>Each 16-bit element shifted left by its own count (vpsllvw). Only where <see cref="PermutesBytes"/>.</summary>
    static abstract TV ShiftLeftVariable16(TV value, TV counts);

    /// <summary>Lanes·8 bytes from low, then Lanes·8 bytes from high.</summary>
    static abstract TV LoadHalves(ref byte low, ref byte high);

    /// <summary>Stores the low half of value at low and the high half at high.</summary>
    static abstract void StoreHalves(TV value, ref byte low, ref byte high);

    /// <summary>The low half of first, then the low half of second.</summary>
    static abstract TV JoinLowHalves(TV first, TV second);

    /// <summary>The high half of first, then the high half of second.</summary>
    static abstract TV JoinHighHalves(TV first, TV second);

    /// <summary>Lane i holds the 16 bytes at source + i·stride.</summary>
    static abstract TV LoadLanes(ref byte source, nint stride);

    /// <summary>Stores lane i (16 bytes) at destination + i·stride, lane 0 first, so a later lane may overwrite an earlier one's tail.</summary>
    static abstract void StoreLanes(TV value, ref byte destination, nint stride);

    /// <summary>Stores the 8-byte half <paramref name="half"/> (0 or 1) of lane i at destination + i·stride, lane 0 first.</summary>
    static abstract void StoreLaneHalves(TV value, int half, ref byte destination, nint stride);

    /// <summary>Stores the 4-byte quarter <paramref name="quarter"/> (0..3) of lane i at destination + i·stride.</summary>
    static abstract void StoreLaneQuarters(TV value, int quarter, ref byte destination, nint stride);

    /// <summary>Repeats a 128-bit constant in every lane.</summary>
    static abstract TV Broadcast(Vector128<byte> lane);

    /// <summary>Byte shuffle inside each lane; indices come from <see cref="LaneShuffle.Indices{TOps,TV}"/> (0x80 = zero).</summary>
    static abstract TV Shuffle(TV value, TV indices);

    static abstract TV Or(TV left, TV right);
    static abstract TV And(TV left, TV right);

    /// <summary>Whether every byte of the two is the same.</summary>
    static abstract bool EqualsAll(TV left, TV right);

    static abstract TV Add16(TV left, TV right);
    static abstract TV Subtract16(TV left, TV right);
    static abstract TV MultiplyLow16(TV left, TV right);

    /// <summary>Signed 16-bit (left·right + 2^14) >> 15, as x86's pmulhrsw.</summary>
    static abstract TV MultiplyHighRound16(TV left, TV right);

    /// <summary>Unsigned 16-bit (left + right + 1) >> 1 without overflow, as x86's pavgw.</summary>
    static abstract TV Average16(TV left, TV right);

    /// <summary>Unsigned 16-bit left − right, 0 where right is larger, as x86's psubusw.</summary>
    static abstract TV SubtractSaturate16(TV left, TV right);

    static abstract TV Min16(TV left, TV right);
    static abstract TV Max16(TV left, TV right);
    static abstract TV ShiftLeft16(TV value, int count);
    static abstract TV ShiftRight16(TV value, int count);
    static abstract TV Add32(TV left, TV right);
    static abstract TV MultiplyLow32(TV left, TV right);
    static abstract TV Min32(TV left, TV right);
    static abstract TV ShiftLeft32(TV value, int count);
    static abstract TV ShiftRight32(TV value, int count);
    static abstract TV ShiftRightArithmetic32(TV value, int count);

    /// <summary>Truncates the 32-bit elements of left then right to 16 bits, in element order.</summary>
    static abstract TV Narrow32(TV left, TV right);

    /// <summary>The two 32-bit elements of every 64-bit element swapped (a rotate by 32 where there is one: no shuffle unit).</summary>
    static abstract TV SwapPairs32(TV value);
}
