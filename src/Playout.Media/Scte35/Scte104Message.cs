using System.Buffers.Binary;
using Playout.Media.Formats;

namespace Playout.Media.Scte35;

/// <summary>
/// A splice as the SCTE 104 automation-to-compression message that carries it in the picture's ancillary data (SMPTE ST
/// 2010: DID 0x41, SDID 0x07): a multiple_operation_message with the splice's operation and one for each descriptor, which
/// the encoder downstream turns into its SCTE-35 section, splicing <c>pre_roll_time</c> after the frame that carried it.
/// </summary>
public static class Scte104Message
{
    public const byte Did = 0x41;
    public const byte Sdid = 0x07;

    /// <summary>ST 2010's payload descriptor: version 1, the whole message in this one packet (not continued, none following).</summary>
    public const byte SinglePacket = 0x08;

    /// <summary>SCTE 104 opIDs.</summary>
    public const ushort SpliceRequest = 0x0101, SpliceNullRequest = 0x0102, TimeSignalRequest = 0x0104,
        InsertDescriptorRequest = 0x0108, InsertSegmentationDescriptorRequest = 0x010B;

    /// <summary>The most message bytes one ST 2010 packet takes (255 user data words, one the payload descriptor).</summary>
    public const int MaxSinglePacket = 254;

    /// <summary>splice_request_data's splice_insert_type.</summary>
    public const byte SpliceStartNormal = 1, SpliceEndNormal = 3, SpliceCancel = 5;

    /// <summary>An ANC packet's user data: the payload descriptor, then the message (<see cref="Encode"/>).</summary>
    public static byte[] UserData(SpliceCommand command, TimeSpan preRoll, byte messageNumber, ReadOnlySpan<byte> descriptors = default, Rational? frameRate = null) =>
        [SinglePacket, .. Encode(command, preRoll, messageNumber, descriptors, frameRate)];

    /// <summary>
    /// The multiple_operation_message for <paramref name="command"/> spliced <paramref name="preRoll"/> after the frame it
    /// rides in: a splice_insert as splice_request_data (start or end "normal", or a cancel; break_duration in tenths of
    /// a second, with auto_return), a time_signal as time_signal_request_data, a splice_null as splice_null. No time
    /// stamp (time_type 0): the frame carrying it is the reference. Each segmentation_descriptor of
    /// <paramref name="descriptors"/> (the SCTE-35 descriptor loop) follows as an insert_segmentation_descriptor_request_data
    /// (its duration in seconds and, at <paramref name="frameRate"/>, frames); any other descriptors go whole in one
    /// insert_descriptor_request_data.
    /// </summary>
    /// <exception cref="NotSupportedException">A command SCTE 104 has no request for here (splice_schedule, a private command …), or component segmentation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A pre-roll or duration beyond the fields' 16 bits, or a message over one packet.</exception>
    /// <exception cref="Scte35FormatException">A malformed descriptor loop or segmentation_descriptor.</exception>
    public static byte[] Encode(SpliceCommand command, TimeSpan preRoll, byte messageNumber, ReadOnlySpan<byte> descriptors = default, Rational? frameRate = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ushort preRollMs = Field(Math.Round(preRoll.TotalMilliseconds), nameof(preRoll), "milliseconds");
        var operations = new List<(ushort OpId, byte[] Data)>
        {
            command switch
            {
                SpliceInsert insert => (SpliceRequest, SpliceRequestData(insert, preRollMs)),
                TimeSignal => (TimeSignalRequest, BigEndian(preRollMs)),
                SpliceNull => (SpliceNullRequest, []),
                _ => throw new NotSupportedException($"SCTE 104 carries splice_insert, time_signal and splice_null here, not {command.Type}"),
            },
        };
        var others = new List<byte>();
        int count = 0;
        foreach (var entry in SpliceDescriptorLoop.Entries(descriptors))
        {
            var body = descriptors.Slice(entry.BodyOffset, entry.BodyLength);
            if (entry.Tag == SegmentationDescriptor.Tag)
                operations.Add((InsertSegmentationDescriptorRequest, SegmentationRequestData(SegmentationDescriptor.Decode(body, entry.BodyOffset), frameRate)));
            else
            {
                others.AddRange(descriptors.Slice(entry.BodyOffset - 2, entry.BodyLength + 2));
                count++;
            }
        }
        if (count > 0)
            operations.Add((InsertDescriptorRequest, [(byte)count, .. others]));
        // reserved, messageSize, protocol_version, AS_index, message_number, DPI_PID_index, SCTE35_protocol_version,
        // timestamp (time_type 0), num_ops; then each opID, data_length, data.
        const int header = 12;
        int size = header + operations.Sum(o => 4 + o.Data.Length);
        if (size > MaxSinglePacket)
            throw new ArgumentOutOfRangeException(nameof(descriptors), size, $"the SCTE 104 message would be {size} bytes, over the {MaxSinglePacket} one ST 2010 packet carries");
        var message = new byte[size];
        BinaryPrimitives.WriteUInt16BigEndian(message, 0xFFFF);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)message.Length);
        message[6] = messageNumber;
        message[11] = (byte)operations.Count;
        int at = header;
        foreach (var (opId, data) in operations)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), opId);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at + 2), (ushort)data.Length);
            data.CopyTo(message.AsSpan(at + 4));
            at += 4 + data.Length;
        }
        return message;
    }

    /// <summary>
    /// insert_segmentation_descriptor_request_data: the descriptor's fields a byte each (flags as 0/1), its duration as whole
    /// seconds and the frames beyond them, and the sub-segment fields SCTE 104 added in 2015.
    /// </summary>
    private static byte[] SegmentationRequestData(SegmentationDescriptor d, Rational? frameRate)
    {
        ulong ticks = d.Duration ?? 0;
        ushort seconds = Field(ticks / 90_000, "segmentationDuration", "seconds");
        double frames = frameRate is { } rate ? Math.Round((ticks % 90_000) / 90_000.0 * rate.ToDouble()) : 0;
        // Not restricted: the flags take the values SCTE 35's reserved bits read as.
        var r = d.Restrictions ?? new DeliveryRestrictions(true, true, true, 3);
        var data = new List<byte>(21 + d.Upid.Length);
        Span<byte> eventId = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(eventId, d.EventId);
        data.AddRange(eventId);
        data.Add(d.Cancel ? (byte)1 : (byte)0);
        data.AddRange(BigEndian(seconds));
        data.Add(d.UpidType);
        data.Add((byte)d.Upid.Length);
        data.AddRange(d.Upid);
        data.AddRange([d.TypeId, d.SegmentNum, d.SegmentsExpected, (byte)Math.Min(frames, byte.MaxValue)]);
        data.AddRange([Flag(d.Restrictions is null), Flag(r.WebDeliveryAllowed), Flag(r.NoRegionalBlackout), Flag(r.ArchiveAllowed), r.DeviceRestrictions]);
        data.AddRange([Flag(SegmentationDescriptor.HasSubSegments(d.TypeId)), d.SubSegmentNum, d.SubSegmentsExpected]);
        return [.. data];
    }

    private static byte Flag(bool value) => value ? (byte)1 : (byte)0;

    private static byte[] SpliceRequestData(SpliceInsert insert, ushort preRollMs)
    {
        byte type = insert.Cancel ? SpliceCancel : insert.OutOfNetwork ? SpliceStartNormal : SpliceEndNormal;
        ushort tenths = insert.Duration is { } duration ? Field(Math.Round(duration.Seconds * 10), "breakDuration", "tenths of a second") : (ushort)0;
        var data = new byte[14];
        data[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(1), insert.EventId);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(5), insert.UniqueProgramId);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(7), preRollMs);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(9), tenths);
        data[11] = insert.AvailNum;
        data[12] = insert.AvailsExpected;
        data[13] = insert.Duration is { AutoReturn: true } ? (byte)1 : (byte)0;
        return data;
    }

    private static ushort Field(double value, string name, string unit) =>
        value is >= 0 and <= ushort.MaxValue ? (ushort)value
        : throw new ArgumentOutOfRangeException(name, value, $"SCTE 104 carries 0 to {ushort.MaxValue} {unit}");

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];
}
