using System.Text;
using Playout.Media.Scte35;

namespace Playout.Media.Tests.Scte35;

public class Scte35CodecTests
{
    // SCTE 35's own sample messages (section 14 of the standard), reproduced by many SCTE-35 libraries' tests.
    private const string SampleSpliceInsert = "/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=";
    private const string SampleTimeSignal = "/DA0AAAAAAAA///wBQb+cr0AUAAeAhxDVUVJSAAAjn/PAAGlmbAICAAAAAAsoKGKNAIAmsnRfg=="; // 14.1
    private const string SampleTimeSignalEnd = "/DAvAAAAAAAA///wBQb+dGKQoAAZAhdDVUVJSAAAjn+fCAgAAAAALKChijUCAKnMZ1g="; // 14.3

    [Fact]
    public void Crc32_mpeg2_of_the_check_string_is_0x0376E6E7() =>
        Assert.Equal(0x0376E6E7u, Crc32Mpeg2.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void The_standards_splice_insert_sample_decodes_to_its_published_fields()
    {
        var section = SpliceInfoSection.Decode(SampleSpliceInsert);

        var insert = Assert.IsType<SpliceInsert>(section.Command);
        Assert.Equal(0x4800008Fu, insert.EventId);
        Assert.False(insert.Cancel);
        Assert.True(insert.OutOfNetwork);
        Assert.Equal(0x07369C02EUL, insert.Time.PtsTime);
        Assert.Equal(21514.559089, insert.Time.Seconds!.Value, 6);
        Assert.Equal(new BreakDuration(true, 0x00052CCF5), insert.Duration);
        Assert.Equal(60.293567, insert.Duration!.Value.Seconds, 6);
        Assert.Equal(0, insert.UniqueProgramId);
        Assert.Equal(0, insert.AvailNum);
        Assert.Equal(0, insert.AvailsExpected);
        Assert.Equal(0UL, section.PtsAdjustment);
        Assert.Equal(0xFFF, section.Tier);
        Assert.Equal(0x07369C02EUL, section.SplicePts);
        // One avail_descriptor (tag 0, 8 bytes): "CUEI" and provider_avail_id 0x135.
        Assert.Equal(Convert.FromHexString("00084355454900000135"), section.Descriptors.ToArray());
        Assert.Equal(Convert.FromBase64String(SampleSpliceInsert), section.Encode());
    }

    [Fact]
    public void The_standards_time_signal_sample_decodes_and_encodes_back_to_the_same_bytes()
    {
        var section = SpliceInfoSection.Decode(SampleTimeSignal);

        var signal = Assert.IsType<TimeSignal>(section.Command);
        Assert.Equal(0x072BD0050UL, signal.Time.PtsTime);
        Assert.Equal(21388.766756, signal.Time.Seconds!.Value, 6);
        // One segmentation_descriptor (tag 2, 28 bytes) kept as raw bytes.
        Assert.Equal(30, section.Descriptors.Length);
        Assert.Equal(3, section.SapType);
        Assert.Equal(0x02, section.Descriptors[0]);
        Assert.Equal(28, section.Descriptors[1]);
        Assert.Equal("CUEI", Encoding.ASCII.GetString(section.Descriptors.AsSpan(2, 4)));
        Assert.Equal(Convert.FromBase64String(SampleTimeSignal), section.Encode());

        var end = SpliceInfoSection.Decode(SampleTimeSignalEnd);
        Assert.Equal(0x0746290A0UL, Assert.IsType<TimeSignal>(end.Command).Time.PtsTime);
        Assert.Equal(25, end.Descriptors.Length);
        Assert.Equal(Convert.FromBase64String(SampleTimeSignalEnd), end.Encode());
    }

    [Fact]
    public void The_head_of_one_sample_glued_to_the_tail_of_another_is_reported_as_truncated()
    {
        // 14.1's first 34 bytes (section_length 52) with 14.3's last 16: 50 bytes of a promised 55.
        var error = Assert.Throws<Scte35FormatException>(() =>
            SpliceInfoSection.Decode("/DA0AAAAAAAA///wBQb+cr0AUAAeAhxDVUVJSAAAjn+fCAgAAAAALKChijUCAKnMZ1g="));
        Assert.Equal(50, error.Offset);
        Assert.Equal("section_length", error.Field);
    }

    public static TheoryData<SpliceInfoSection> Sections() =>
    [
        new(new SpliceNull()),
        new(new TimeSignal(SpliceTime.At(0x1FFFFFFFF)), PtsAdjustment: 0x100000000),
        new(new TimeSignal(SpliceTime.Immediate)),
        new(new SpliceInsert(1, true, SpliceTime.At(900_000), new BreakDuration(true, 30 * 90000), 0xBEEF, 1, 2)),
        new(new SpliceInsert(uint.MaxValue, false, SpliceTime.Immediate)),
        new(new SpliceInsert(7, true, SpliceTime.At(0), new BreakDuration(false, 0x1FFFFFFFF)), Tier: 0x123, CwIndex: 9),
        new(SpliceInsert.CancelEvent(42)),
        new(new UnknownSpliceCommand(SpliceCommandType.PrivateCommand, [0x43, 0x55, 0x45, 0x49, 1, 2, 3])),
        new(new SpliceNull(), Descriptors: [0x00, 0x08, 0x43, 0x55, 0x45, 0x49, 0, 0, 1, 0x35]),
    ];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Sections_round_trip_through_their_bytes_and_text_forms(SpliceInfoSection section)
    {
        byte[] bytes = section.Encode();

        Assert.Equal(section, SpliceInfoSection.Decode(bytes));
        Assert.Equal(section, SpliceInfoSection.Decode(section.ToBase64()));
        Assert.Equal(section, SpliceInfoSection.Decode("0x" + Convert.ToHexString(bytes)));
        Assert.Equal(0u, Crc32Mpeg2.Compute(bytes)); // a section with its CRC sums to zero
        Assert.Equal(bytes.Length, SpliceInfoSection.MeasureSection(bytes));
    }

    [Fact]
    public void Pts_adjustment_is_added_to_the_splice_time_modulo_2_pow_33()
    {
        var section = new SpliceInfoSection(new TimeSignal(SpliceTime.At(0x1FFFFFFF0)), PtsAdjustment: 0x20);
        Assert.Equal(0x10UL, section.SplicePts);
    }

    [Theory]
    [InlineData("fc302f000000000000fffff014054800008f7fefFE7369C02EFE0052CCF500000000000A0008435545490000013562DBA30A")]
    [InlineData("0xFC302F000000000000FFFFF014054800008F7FEFFE7369C02EFE0052CCF500000000000A0008435545490000013562DBA30A")]
    [InlineData("FC 30 2F 00 00 00 00 00 00 FF FF F0 14 05 48 00 00 8F 7F EF FE 73 69 C0 2E FE 00 52 CC F5 00 00 00 00 00 0A 00 08 43 55 45 49 00 00 01 35 62 DB A3 0A")]
    [InlineData("  /DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=\n")]
    [InlineData("/DAvAAAAAAAA___wFAVIAACPf-_-c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo")]
    public void Text_input_is_hex_with_or_without_0x_and_spaces_or_base64(string text) =>
        Assert.Equal(Convert.FromBase64String(SampleSpliceInsert), Scte35Text.ParseBytes(text));

    [Fact]
    public void A_corrupt_crc_is_reported_at_the_crc_offset()
    {
        byte[] bytes = Convert.FromBase64String(SampleSpliceInsert);
        bytes[20] ^= 0x01;

        var error = Assert.Throws<Scte35FormatException>(() => SpliceInfoSection.Decode(bytes));
        Assert.Equal(bytes.Length - 4, error.Offset);
        Assert.Equal("CRC_32", error.Field);
        Assert.Contains("byte 46 (CRC_32)", error.Message);
    }

    [Fact]
    public void A_truncated_section_names_where_it_ends_and_the_length_it_promised()
    {
        byte[] bytes = Convert.FromBase64String(SampleSpliceInsert)[..30];

        var error = Assert.Throws<Scte35FormatException>(() => SpliceInfoSection.Decode(bytes));
        Assert.Equal(30, error.Offset);
        Assert.Equal("section_length", error.Field);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("50 bytes", error.Message);
    }

    [Fact]
    public void A_wrong_table_id_is_reported_at_byte_0() =>
        Assert.Equal("table_id", Assert.Throws<Scte35FormatException>(() => SpliceInfoSection.Decode(new byte[] { 0x02, 0xB0, 0x10 })).Field);

    [Fact]
    public void A_command_length_that_disagrees_with_the_command_names_the_field()
    {
        // A time_signal whose splice_command_length says 6 while its splice_time takes 5: rebuild it with a valid CRC.
        byte[] bytes = new SpliceInfoSection(new TimeSignal(SpliceTime.At(1000))).Encode();
        var longer = bytes[..^4].ToList();
        longer[12] = 6;
        longer.Insert(14 + 5, 0xFF);
        longer[2]++;
        var section = longer.ToArray();
        section = [.. section, 0, 0, 0, 0];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(section.AsSpan(section.Length - 4), Crc32Mpeg2.Compute(section.AsSpan(0, section.Length - 4)));

        var error = Assert.Throws<Scte35FormatException>(() => SpliceInfoSection.Decode(section));
        Assert.Equal("splice_command_length", error.Field);
        Assert.Equal(19, error.Offset);
    }

    [Fact]
    public void A_legacy_command_length_of_0xFFF_is_worked_out_from_the_command()
    {
        byte[] bytes = Convert.FromBase64String(SampleSpliceInsert);
        bytes[11] |= 0x0F;
        bytes[12] = 0xFF;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 4), Crc32Mpeg2.Compute(bytes.AsSpan(0, bytes.Length - 4)));

        Assert.Equal(0x4800008Fu, Assert.IsType<SpliceInsert>(SpliceInfoSection.Decode(bytes).Command).EventId);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("0xFC3G", 5)]
    [InlineData("/DA*AAA", 3)]
    [InlineData("FC3", 3)]
    public void Bad_text_names_the_character(string text, int offset) =>
        Assert.Equal(offset, Assert.Throws<Scte35FormatException>(() => Scte35Text.ParseBytes(text)).Offset);

    [Fact]
    public void Fields_wider_than_their_bits_are_refused_when_encoding()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpliceInfoSection(new SpliceNull(), PtsAdjustment: 1UL << 33).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpliceInfoSection(new TimeSignal(new SpliceTime(1UL << 33))).Encode());
    }
}
