using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Playout.Media.Scte35;

/// <summary>
/// An SCTE 35 splice_info_section (table_id 0xFC), unencrypted. The splice point of a timed command is
/// (pts_time + <see cref="PtsAdjustment"/>) mod 2^33 in 90 kHz units (<see cref="SplicePts"/>).
/// <see cref="Encode"/> writes the section with its CRC_32; <see cref="Decode"/> reads and validates one.
/// </summary>
/// <param name="Command">splice_null, splice_insert, time_signal, or another command as raw bytes.</param>
/// <param name="PtsAdjustment">33-bit offset added to every pts_time of the section.</param>
/// <param name="Descriptors">The splice descriptor loop as raw bytes (each: tag, length, 4-byte identifier "CUEI", data); empty for none.</param>
/// <param name="Tier">12-bit authorisation tier; 0xFFF means none.</param>
public sealed record SpliceInfoSection(
    SpliceCommand Command, ulong PtsAdjustment = 0, ImmutableArray<byte> Descriptors = default,
    byte CwIndex = 0, ushort Tier = 0xFFF, byte ProtocolVersion = 0, byte SapType = 3)
{
    public const byte TableId = 0xFC;

    /// <summary>The largest section: section_length is 12 bits and SCTE 35 caps it at 4093.</summary>
    public const int MaxSize = 4096;

    private const int HeaderSize = 14; // through splice_command_type

    /// <summary>The descriptor loop, never default.</summary>
    public ImmutableArray<byte> Descriptors { get; init; } = Descriptors.IsDefault ? [] : Descriptors;

    /// <summary>(splice time + pts_adjustment) mod 2^33 of the command, or null when it has none (splice_null, immediate).</summary>
    public ulong? SplicePts => Command switch
    {
        SpliceInsert { Cancel: false, Time.PtsTime: { } pts } => (pts + PtsAdjustment) & SpliceTime.PtsMask,
        TimeSignal { Time.PtsTime: { } pts } => (pts + PtsAdjustment) & SpliceTime.PtsMask,
        _ => null,
    };

    public bool Equals(SpliceInfoSection? other) =>
        other is not null && Command == other.Command && PtsAdjustment == other.PtsAdjustment && CwIndex == other.CwIndex
        && Tier == other.Tier && ProtocolVersion == other.ProtocolVersion && SapType == other.SapType
        && Descriptors.AsSpan().SequenceEqual(other.Descriptors.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Command, PtsAdjustment, Tier, Descriptors.Length);

    /// <summary>The section's bytes, CRC_32 included.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field does not fit its width, or the section would pass <see cref="MaxSize"/>.</exception>
    public byte[] Encode()
    {
        if (PtsAdjustment > SpliceTime.PtsMask)
            throw new ArgumentOutOfRangeException(nameof(PtsAdjustment), PtsAdjustment, "pts_adjustment has 33 bits");
        if (Tier > 0xFFF)
            throw new ArgumentOutOfRangeException(nameof(Tier), Tier, "tier has 12 bits");
        if (SapType > 3)
            throw new ArgumentOutOfRangeException(nameof(SapType), SapType, "sap_type has 2 bits");
        var command = EncodeCommand(Command);
        int size = HeaderSize + command.Length + 2 + Descriptors.Length + 4;
        if (size > MaxSize || command.Length > 0xFFE)
            throw new ArgumentOutOfRangeException(nameof(Descriptors), size, $"the section would be {size} bytes, over {MaxSize}");
        var bytes = new byte[size];
        var s = bytes.AsSpan();
        s[0] = TableId;
        // section_syntax_indicator 0, private_indicator 0, sap_type, section_length (12 bits).
        BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)((SapType << 12) | (size - 3)));
        s[3] = ProtocolVersion;
        // encrypted_packet 0, encryption_algorithm 0, pts_adjustment (33 bits).
        s[4] = (byte)(PtsAdjustment >> 32);
        BinaryPrimitives.WriteUInt32BigEndian(s[5..], (uint)PtsAdjustment);
        s[9] = CwIndex;
        // tier (12 bits), splice_command_length (12 bits).
        uint tierAndLength = ((uint)Tier << 12) | (uint)command.Length;
        s[10] = (byte)(tierAndLength >> 16);
        s[11] = (byte)(tierAndLength >> 8);
        s[12] = (byte)tierAndLength;
        s[13] = (byte)Command.Type;
        command.CopyTo(s[HeaderSize..]);
        int at = HeaderSize + command.Length;
        BinaryPrimitives.WriteUInt16BigEndian(s[at..], (ushort)Descriptors.Length);
        Descriptors.AsSpan().CopyTo(s[(at + 2)..]);
        BinaryPrimitives.WriteUInt32BigEndian(s[(size - 4)..], Crc32Mpeg2.Compute(s[..(size - 4)]));
        return bytes;
    }

    /// <summary>The section's bytes as base64, the usual text form (HLS #EXT-X-DATERANGE, ESAM, logs).</summary>
    public string ToBase64() => Convert.ToBase64String(Encode());

    private static byte[] EncodeCommand(SpliceCommand command)
    {
        switch (command)
        {
            case SpliceNull:
                return [];
            case TimeSignal signal:
                return EncodeTime(signal.Time);
            case UnknownSpliceCommand unknown:
                return unknown.Bytes.IsDefault ? [] : [.. unknown.Bytes];
            case SpliceInsert insert:
            {
                var bytes = new List<byte>(20);
                Span<byte> id = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(id, insert.EventId);
                bytes.AddRange(id);
                bytes.Add((byte)(insert.Cancel ? 0xFF : 0x7F));
                if (insert.Cancel)
                    return [.. bytes];
                bool immediate = !insert.Time.IsSpecified;
                // out_of_network, program_splice_flag = 1, duration_flag, splice_immediate_flag, 4 reserved bits.
                bytes.Add((byte)((insert.OutOfNetwork ? 0x80 : 0) | 0x40 | (insert.Duration.HasValue ? 0x20 : 0) | (immediate ? 0x10 : 0) | 0x0F));
                if (!immediate)
                    bytes.AddRange(EncodeTime(insert.Time));
                if (insert.Duration is { } duration)
                {
                    if (duration.Duration > SpliceTime.PtsMask)
                        throw new ArgumentOutOfRangeException(nameof(command), duration.Duration, "break_duration has 33 bits");
                    bytes.Add((byte)((duration.AutoReturn ? 0x80 : 0) | 0x7E | (int)(duration.Duration >> 32)));
                    Span<byte> low = stackalloc byte[4];
                    BinaryPrimitives.WriteUInt32BigEndian(low, (uint)duration.Duration);
                    bytes.AddRange(low);
                }
                bytes.Add((byte)(insert.UniqueProgramId >> 8));
                bytes.Add((byte)insert.UniqueProgramId);
                bytes.Add(insert.AvailNum);
                bytes.Add(insert.AvailsExpected);
                return [.. bytes];
            }
            default:
                throw new ArgumentException($"unsupported splice command {command.GetType().Name}", nameof(command));
        }
    }

    private static byte[] EncodeTime(SpliceTime time)
    {
        if (time.PtsTime is not { } pts)
            return [0x7F];
        if (pts > SpliceTime.PtsMask)
            throw new ArgumentOutOfRangeException(nameof(time), pts, "pts_time has 33 bits");
        return [(byte)(0xFE | (int)(pts >> 32)), (byte)(pts >> 24), (byte)(pts >> 16), (byte)(pts >> 8), (byte)pts];
    }

    /// <summary>The length of the section that starts <paramref name="data"/> (3 + section_length), to split concatenated sections.</summary>
    /// <exception cref="Scte35FormatException">Fewer than 3 bytes, or not table_id 0xFC.</exception>
    public static int MeasureSection(ReadOnlySpan<byte> data)
    {
        if (data.Length < 3)
            throw new Scte35FormatException(data.Length, "section_length", "the section ends before its length (3 bytes needed)");
        if (data[0] != TableId)
            throw new Scte35FormatException(0, "table_id", $"0x{data[0]:X2} is not a splice_info_section (0xFC)");
        return 3 + (BinaryPrimitives.ReadUInt16BigEndian(data[1..]) & 0xFFF);
    }

    /// <summary>Reads and validates exactly one section: table id, lengths, structure and CRC_32.</summary>
    /// <exception cref="Scte35FormatException">Names the byte offset and the field that is wrong.</exception>
    public static SpliceInfoSection Decode(ReadOnlySpan<byte> data)
    {
        int size = MeasureSection(data);
        if (size > MaxSize)
            throw new Scte35FormatException(1, "section_length", $"{size - 3} is over the maximum of {MaxSize - 3}");
        if (data.Length < size)
            throw new Scte35FormatException(data.Length, "section_length", $"the section is truncated: section_length says {size} bytes, {data.Length} present");
        if (data.Length > size)
            throw new Scte35FormatException(size, "section_length", $"{data.Length - size} bytes follow the section's end at byte {size}");
        if (size < HeaderSize + 2 + 4)
            throw new Scte35FormatException(1, "section_length", $"{size - 3} is too short for a splice_info_section (at least {HeaderSize + 3})");
        var s = data[..size];
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(s[(size - 4)..]);
        uint computed = Crc32Mpeg2.Compute(s[..(size - 4)]);
        if (stored != computed)
            throw new Scte35FormatException(size - 4, "CRC_32", $"0x{stored:X8} does not match the section's bytes (CRC-32/MPEG-2 0x{computed:X8})");
        if ((s[1] & 0x80) != 0)
            throw new Scte35FormatException(1, "section_syntax_indicator", "must be 0");
        if ((s[1] & 0x40) != 0)
            throw new Scte35FormatException(1, "private_indicator", "must be 0");
        byte sapType = (byte)((s[1] >> 4) & 3);
        byte protocol = s[3];
        if (protocol != 0)
            throw new Scte35FormatException(3, "protocol_version", $"{protocol} is not supported (only 0)");
        if ((s[4] & 0x80) != 0)
            throw new Scte35FormatException(4, "encrypted_packet", "encrypted sections are not supported");
        ulong ptsAdjustment = ((ulong)(s[4] & 1) << 32) | BinaryPrimitives.ReadUInt32BigEndian(s[5..]);
        byte cwIndex = s[9];
        ushort tier = (ushort)((s[10] << 4) | (s[11] >> 4));
        int commandLength = ((s[11] & 0x0F) << 8) | s[12];
        var type = (SpliceCommandType)s[13];
        int commandEnd = size - 4 - 2; // the most the command may take: descriptor_loop_length and CRC_32 follow
        var reader = new Reader(s[..commandEnd], HeaderSize);
        SpliceCommand command;
        if (commandLength == 0xFFF)
        {
            // Legacy senders put 0xFFF ("unknown"): the command's own syntax says where it ends.
            if (type is not (SpliceCommandType.SpliceNull or SpliceCommandType.SpliceInsert or SpliceCommandType.TimeSignal))
                throw new Scte35FormatException(11, "splice_command_length", $"0xFFF (unknown) with command type 0x{(byte)type:X2}, whose length cannot be found");
            command = DecodeCommand(type, ref reader, commandLength);
            commandLength = reader.Position - HeaderSize;
        }
        else
        {
            if (HeaderSize + commandLength > commandEnd)
                throw new Scte35FormatException(11, "splice_command_length",
                    $"{commandLength} runs past the section (at most {commandEnd - HeaderSize} bytes fit before descriptor_loop_length and CRC_32)");
            reader = new Reader(s[..(HeaderSize + commandLength)], HeaderSize);
            command = DecodeCommand(type, ref reader, commandLength);
            if (reader.Position != HeaderSize + commandLength)
                throw new Scte35FormatException(reader.Position, "splice_command_length",
                    $"{commandLength} but the {Name(type)} command ends after {reader.Position - HeaderSize} bytes");
        }
        int loopAt = HeaderSize + commandLength;
        int loopLength = BinaryPrimitives.ReadUInt16BigEndian(s[loopAt..]);
        int loopStart = loopAt + 2;
        if (loopStart + loopLength != size - 4)
            throw new Scte35FormatException(loopAt, "descriptor_loop_length",
                $"{loopLength} but {size - 4 - loopStart} bytes lie between it and CRC_32");
        var descriptors = s.Slice(loopStart, loopLength);
        _ = SpliceDescriptorLoop.Entries(descriptors, loopStart);
        return new SpliceInfoSection(command, ptsAdjustment, [.. descriptors], cwIndex, tier, protocol, sapType);
    }

    /// <summary>Decodes base64 or hex text (see <see cref="Scte35Text.ParseBytes"/>).</summary>
    public static SpliceInfoSection Decode(string text) => Decode(Scte35Text.ParseBytes(text));

    private static SpliceCommand DecodeCommand(SpliceCommandType type, ref Reader r, int commandLength)
    {
        switch (type)
        {
            case SpliceCommandType.SpliceNull:
                return new SpliceNull();
            case SpliceCommandType.TimeSignal:
                return new TimeSignal(DecodeTime(ref r));
            case SpliceCommandType.SpliceInsert:
            {
                uint eventId = r.UInt32("splice_event_id");
                bool cancel = (r.Byte("splice_event_cancel_indicator") & 0x80) != 0;
                if (cancel)
                    return SpliceInsert.CancelEvent(eventId);
                int flagsAt = r.Position;
                byte flags = r.Byte("out_of_network_indicator");
                bool outOfNetwork = (flags & 0x80) != 0, program = (flags & 0x40) != 0, hasDuration = (flags & 0x20) != 0, immediate = (flags & 0x10) != 0;
                if (!program)
                    throw new Scte35FormatException(flagsAt, "program_splice_flag", "component splice mode (program_splice_flag 0) is not supported");
                var time = immediate ? SpliceTime.Immediate : DecodeTime(ref r);
                BreakDuration? duration = null;
                if (hasDuration)
                {
                    byte first = r.Byte("break_duration");
                    uint low = r.UInt32("break_duration");
                    duration = new BreakDuration((first & 0x80) != 0, ((ulong)(first & 1) << 32) | low);
                }
                ushort uniqueProgramId = (ushort)((r.Byte("unique_program_id") << 8) | r.Byte("unique_program_id"));
                byte availNum = r.Byte("avail_num");
                byte availsExpected = r.Byte("avails_expected");
                return new SpliceInsert(eventId, outOfNetwork, time, duration, uniqueProgramId, availNum, availsExpected);
            }
            default:
                return new UnknownSpliceCommand(type, [.. r.Bytes(commandLength, "splice_command")]);
        }
    }

    private static SpliceTime DecodeTime(ref Reader r)
    {
        byte first = r.Byte("splice_time");
        if ((first & 0x80) == 0)
            return SpliceTime.Immediate;
        uint low = r.UInt32("pts_time");
        return new SpliceTime(((ulong)(first & 1) << 32) | low);
    }

    private static string Name(SpliceCommandType type) => type switch
    {
        SpliceCommandType.SpliceNull => "splice_null",
        SpliceCommandType.SpliceInsert => "splice_insert",
        SpliceCommandType.TimeSignal => "time_signal",
        _ => $"0x{(byte)type:X2}",
    };

    /// <summary>Reads big-endian fields up to a limit, failing with the offset and field that ran past it.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data, int position)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position { get; private set; } = position;

        public byte Byte(string field) => Bytes(1, field)[0];

        public uint UInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4, field));

        public ReadOnlySpan<byte> Bytes(int count, string field)
        {
            if (Position + count > _data.Length)
                throw new Scte35FormatException(Position, field, $"needs {count} byte(s) but the command ends at byte {_data.Length}");
            var bytes = _data.Slice(Position, count);
            Position += count;
            return bytes;
        }
    }
}
