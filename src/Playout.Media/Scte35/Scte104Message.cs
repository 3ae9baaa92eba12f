using System.Buffers.Binary;

namespace Playout.Media.Scte35;

/// <summary>
/// A splice as the SCTE 104 automation-to-compression message that carries it in the picture's ancillary data (SMPTE ST
/// 2010: DID 0x41, SDID 0x07): a multiple_operation_message with one operation, which the encoder downstream turns into
/// its SCTE-35 section, splicing <c>pre_roll_time</c> after the frame that carried it.
/// </summary>
public static class Scte104Message
{
    public const byte Did = 0x41;
    public const byte Sdid = 0x07;

    /// <summary>ST 2010's payload descriptor: version 1, the whole message in this one packet (not continued, none following).</summary>
    public const byte SinglePacket = 0x08;

    /// <summary>SCTE 104 opIDs.</summary>
    public const ushort SpliceRequest = 0x0101, SpliceNullRequest = 0x0102, TimeSignalRequest = 0x0104;

    /// <summary>splice_request_data's splice_insert_type.</summary>
    public const byte SpliceStartNormal = 1, SpliceEndNormal = 3, SpliceCancel = 5;

    /// <summary>An ANC packet's user data: the payload descriptor, then the message (<see cref="Encode"/>).</summary>
    public static byte[] UserData(SpliceCommand command, TimeSpan preRoll, byte messageNumber) => [SinglePacket, .. Encode(command, preRoll, messageNumber)];

    /// <summary>
    /// The multiple_operation_message for <paramref name="command"/> spliced <paramref name="preRoll"/> after the frame it
    /// rides in: a splice_insert as splice_request_data (start or end "normal", or a cancel; break_duration in tenths of
    /// a second, with auto_return), a time_signal as time_signal_request_data, a splice_null as splice_null. No time
    /// stamp (time_type 0): the frame carrying it is the reference. Descriptors are not carried.
    /// </summary>
    /// <exception cref="NotSupportedException">A command SCTE 104 has no request for here (splice_schedule, a private command …).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A pre-roll or break duration beyond the fields' 16 bits.</exception>
    public static byte[] Encode(SpliceCommand command, TimeSpan preRoll, byte messageNumber)
    {
        ArgumentNullException.ThrowIfNull(command);
        ushort preRollMs = Field(Math.Round(preRoll.TotalMilliseconds), nameof(preRoll), "milliseconds");
        var (opId, data) = command switch
        {
            SpliceInsert insert => (SpliceRequest, SpliceRequestData(insert, preRollMs)),
            TimeSignal => (TimeSignalRequest, BigEndian(preRollMs)),
            SpliceNull => (SpliceNullRequest, []),
            _ => throw new NotSupportedException($"SCTE 104 carries splice_insert, time_signal and splice_null here, not {command.Type}"),
        };
        // reserved, messageSize, protocol_version, AS_index, message_number, DPI_PID_index, SCTE35_protocol_version,
        // timestamp (time_type 0), num_ops; then opID, data_length, data.
        var message = new byte[2 + 2 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 2 + 2 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, 0xFFFF);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)message.Length);
        message[6] = messageNumber;
        message[11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(12), opId);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(14), (ushort)data.Length);
        data.CopyTo(message.AsSpan(16));
        return message;
    }

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
