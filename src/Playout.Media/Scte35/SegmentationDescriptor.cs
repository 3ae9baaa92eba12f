using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Playout.Media.Scte35;

/// <summary>
/// SCTE 35's segmentation_descriptor (splice_descriptor_tag 0x02, identifier "CUEI") in program segmentation mode: what a
/// time_signal (or splice_insert) marks — a placement opportunity, a programme or chapter boundary, an ad — for packagers
/// and ad decision systems downstream. Component segmentation (program_segmentation_flag 0) is not modelled.
/// </summary>
/// <param name="EventId">segmentation_event_id.</param>
/// <param name="TypeId">segmentation_type_id (<see cref="SegmentationTypes"/>: 0x34 provider placement opportunity start …).</param>
/// <param name="Duration">segmentation_duration in 90 kHz ticks (40 bits), or null.</param>
/// <param name="UpidType">segmentation_upid_type (0x00 none, 0x08 TI, 0x09 ADI, 0x0C MPU, 0x0F URI …).</param>
/// <param name="Upid">segmentation_upid's bytes (at most 255).</param>
/// <param name="Restrictions">The delivery restrictions, or null when delivery is not restricted.</param>
/// <param name="SubSegmentNum">sub_segment_num, written for the placement opportunity starts (0x34, 0x36, 0x38, 0x3A) only.</param>
public sealed record SegmentationDescriptor(
    uint EventId, byte TypeId, byte SegmentNum = 0, byte SegmentsExpected = 0, ulong? Duration = null,
    byte UpidType = 0, ImmutableArray<byte> Upid = default, DeliveryRestrictions? Restrictions = null,
    byte SubSegmentNum = 0, byte SubSegmentsExpected = 0, bool Cancel = false)
{
    public const byte Tag = 0x02;
    public const uint Cuei = 0x43554549;
    public const ulong MaxDuration = (1UL << 40) - 1;

    public ImmutableArray<byte> Upid { get; init; } = Upid.IsDefault ? [] : Upid;

    /// <summary>Whether <paramref name="typeId"/> carries sub_segment_num and sub_segments_expected (SCTE 35 2016 onwards).</summary>
    public static bool HasSubSegments(byte typeId) => typeId is 0x34 or 0x36 or 0x38 or 0x3A;

    /// <summary>A cancel of the earlier segmentation event <paramref name="eventId"/>.</summary>
    public static SegmentationDescriptor CancelEvent(uint eventId) => new(eventId, 0, Cancel: true);

    public bool Equals(SegmentationDescriptor? other) => other is not null && Encode().AsSpan().SequenceEqual(other.Encode());

    public override int GetHashCode() => HashCode.Combine(EventId, TypeId, Cancel);

    /// <summary>The whole splice_descriptor: tag, length, identifier, data.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration over 40 bits, a UPID that makes the descriptor over 255 bytes, or a device_restrictions over 2 bits.</exception>
    public byte[] Encode()
    {
        if (Duration > MaxDuration)
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "segmentation_duration has 40 bits of 90 kHz ticks");
        if (Restrictions is { DeviceRestrictions: > 3 } restricted)
            throw new ArgumentOutOfRangeException(nameof(Restrictions), restricted.DeviceRestrictions, "device_restrictions has 2 bits");
        var data = new List<byte>(32);
        Append(data, Cuei);
        Append(data, EventId);
        // segmentation_event_cancel_indicator, segmentation_event_id_compliance_indicator (1: compliant), reserved.
        data.Add((byte)((Cancel ? 0x80 : 0) | 0x7F));
        if (!Cancel)
        {
            // program_segmentation_flag 1, segmentation_duration_flag, delivery_not_restricted_flag, then the restrictions or reserved bits.
            int flags = 0x80 | (Duration.HasValue ? 0x40 : 0);
            flags |= Restrictions is { } r
                ? (r.WebDeliveryAllowed ? 0x10 : 0) | (r.NoRegionalBlackout ? 0x08 : 0) | (r.ArchiveAllowed ? 0x04 : 0) | r.DeviceRestrictions
                : 0x20 | 0x1F;
            data.Add((byte)flags);
            if (Duration is { } duration)
            {
                data.Add((byte)(duration >> 32));
                Append(data, (uint)duration);
            }
            data.Add(UpidType);
            data.Add((byte)Upid.Length);
            data.AddRange(Upid);
            data.Add(TypeId);
            data.Add(SegmentNum);
            data.Add(SegmentsExpected);
            if (HasSubSegments(TypeId))
            {
                data.Add(SubSegmentNum);
                data.Add(SubSegmentsExpected);
            }
        }
        if (data.Count > byte.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(Upid), Upid.Length, $"the descriptor would be {data.Count} bytes, over the 255 descriptor_length counts");
        return [Tag, (byte)data.Count, .. data];
    }

    /// <summary>
    /// Reads the body of a splice_descriptor tagged 0x02 (after tag and length); <paramref name="offset"/> is where the body
    /// starts in what the caller reads, for the error's position.
    /// </summary>
    /// <exception cref="Scte35FormatException">The body is short, its identifier is not "CUEI", or a length runs past it.</exception>
    /// <exception cref="NotSupportedException">Component segmentation (program_segmentation_flag 0).</exception>
    public static SegmentationDescriptor Decode(ReadOnlySpan<byte> body, int offset = 0)
    {
        int at = 0;
        ReadOnlySpan<byte> Take(ReadOnlySpan<byte> body, int count, string field)
        {
            if (at + count > body.Length)
                throw new Scte35FormatException(offset + at, field, $"runs past the descriptor's {body.Length} bytes");
            var taken = body.Slice(at, count);
            at += count;
            return taken;
        }

        uint identifier = BinaryPrimitives.ReadUInt32BigEndian(Take(body, 4, "identifier"));
        if (identifier != Cuei)
            throw new Scte35FormatException(offset, "identifier", $"0x{identifier:X8} is not \"CUEI\"");
        uint eventId = BinaryPrimitives.ReadUInt32BigEndian(Take(body, 4, "segmentation_event_id"));
        if ((Take(body, 1, "segmentation_event_cancel_indicator")[0] & 0x80) != 0)
            return CancelEvent(eventId);
        int flags = Take(body, 1, "program_segmentation_flag")[0];
        if ((flags & 0x80) == 0)
            throw new NotSupportedException($"byte {offset + at - 1}: component segmentation (program_segmentation_flag 0) is not supported");
        DeliveryRestrictions? restrictions = (flags & 0x20) != 0 ? null
            : new DeliveryRestrictions((flags & 0x10) != 0, (flags & 0x08) != 0, (flags & 0x04) != 0, (byte)(flags & 0x03));
        ulong? duration = null;
        if ((flags & 0x40) != 0)
        {
            var bytes = Take(body, 5, "segmentation_duration");
            duration = (ulong)bytes[0] << 32 | BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
        }
        byte upidType = Take(body, 1, "segmentation_upid_type")[0];
        int upidLength = Take(body, 1, "segmentation_upid_length")[0];
        var upid = Take(body, upidLength, "segmentation_upid").ToImmutableArray();
        var numbers = Take(body, 3, "segmentation_type_id");
        byte typeId = numbers[0];
        // Sections written before SCTE 35 2016 end here for a placement opportunity start too.
        var sub = HasSubSegments(typeId) && at + 2 <= body.Length ? Take(body, 2, "sub_segment_num") : [0, 0];
        return new SegmentationDescriptor(eventId, typeId, numbers[1], numbers[2], duration, upidType, upid, restrictions, sub[0], sub[1]);
    }

    private static void Append(List<byte> data, uint value)
    {
        data.Add((byte)(value >> 24));
        data.Add((byte)(value >> 16));
        data.Add((byte)(value >> 8));
        data.Add((byte)value);
    }
}

/// <summary>A segmentation_descriptor's delivery restrictions (delivery_not_restricted_flag 0).</summary>
/// <param name="DeviceRestrictions">0: restrict group 0, 1: group 1, 2: group 2, 3: none.</param>
public readonly record struct DeliveryRestrictions(bool WebDeliveryAllowed, bool NoRegionalBlackout, bool ArchiveAllowed, byte DeviceRestrictions);
