using System.Buffers.Binary;
using Playout.Media.Formats;
using Playout.Media.Scte35;

namespace Playout.Media.Tests.Scte35;

/// <summary>segmentation_descriptor read and written by SCTE 35's layout, and carried into SCTE 104 by its own.</summary>
public class SegmentationDescriptorTests
{
    // SCTE 35's samples (section 14): a placement opportunity start (14.1), and a programme end and start in one section (14.4).
    private const string SampleOpportunityStart = "/DA0AAAAAAAA///wBQb+cr0AUAAeAhxDVUVJSAAAjn/PAAGlmbAICAAAAAAsoKGKNAIAmsnRfg==";
    private const string SampleProgramEndStart = "/DBIAAAAAAAA///wBQb+ek2ItgAyAhdDVUVJSAAAGH+fCAgAAAAALMvDRBEAAAIXQ1VFSUgAABl/nwgIAAAAACyk26AQAACZcuND";

    private static List<SegmentationDescriptor> Read(string sample)
    {
        var loop = SpliceInfoSection.Decode(sample).Descriptors.AsSpan();
        var read = new List<SegmentationDescriptor>();
        foreach (var entry in SpliceDescriptorLoop.Entries(loop))
        {
            Assert.Equal(SegmentationDescriptor.Tag, entry.Tag);
            read.Add(SegmentationDescriptor.Decode(loop.Slice(entry.BodyOffset, entry.BodyLength)));
        }
        return read;
    }

    [Fact]
    public void The_standards_placement_opportunity_sample_reads_as_published()
    {
        var d = Assert.Single(Read(SampleOpportunityStart));

        Assert.Equal((0x4800008Eu, (byte)0x34, (byte)2, (byte)0, false), (d.EventId, d.TypeId, d.SegmentNum, d.SegmentsExpected, d.Cancel));
        // 0x0001A599B0 ticks: 307 s.
        Assert.Equal(27_630_000UL, d.Duration);
        Assert.Equal((byte)0x08, d.UpidType);
        Assert.Equal(Convert.FromHexString("000000002CA0A18A"), d.Upid.ToArray());
        Assert.Equal(new DeliveryRestrictions(false, true, true, 3), d.Restrictions);
        // Written before SCTE 35 2016: no sub-segment fields, read as 0; written again, they are added.
        Assert.Equal((0, 0), (d.SubSegmentNum, d.SubSegmentsExpected));
        var section = SpliceInfoSection.Decode(SampleOpportunityStart);
        Assert.Equal([.. section.Descriptors.AsSpan(2, 28), 0, 0], d.Encode().AsSpan(2).ToArray());
        Assert.Equal(30, d.Encode()[1]);
    }

    [Fact]
    public void The_standards_programme_end_and_start_sample_reads_and_writes_back_byte_for_byte()
    {
        var read = Read(SampleProgramEndStart);

        Assert.Equal([(0x48000018u, (byte)0x11), (0x48000019u, (byte)0x10)], read.Select(d => (d.EventId, d.TypeId)));
        Assert.All(read, d => Assert.Null(d.Duration));
        Assert.All(read, d => Assert.Equal(new DeliveryRestrictions(true, true, true, 3), d.Restrictions));
        Assert.Equal(SpliceInfoSection.Decode(SampleProgramEndStart).Descriptors.ToArray(), read.SelectMany(d => d.Encode()).ToArray());
    }

    public static TheoryData<SegmentationDescriptor> Descriptors() =>
    [
        new SegmentationDescriptor(7, 0x34, 1, 2, 30 * 90_000, 0x0C, [0x43, 0x55, 0x45, 0x49, 1, 2], SubSegmentNum: 3, SubSegmentsExpected: 4),
        new SegmentationDescriptor(uint.MaxValue, 0x10, Duration: SegmentationDescriptor.MaxDuration, UpidType: 0x0F, Upid: [.. Enumerable.Range(0, 235).Select(i => (byte)i)]),
        new SegmentationDescriptor(0, 0x30, Restrictions: new DeliveryRestrictions(true, false, true, 1)),
        new SegmentationDescriptor(42, 0x22, 1, 1, 0),
        SegmentationDescriptor.CancelEvent(0xCAFE),
    ];

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void A_descriptor_written_reads_back_the_same(SegmentationDescriptor descriptor)
    {
        byte[] bytes = descriptor.Encode();

        Assert.Equal((SegmentationDescriptor.Tag, bytes.Length - 2), (bytes[0], (int)bytes[1]));
        Assert.Equal(SegmentationDescriptor.Cuei, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        Assert.Equal(descriptor, SegmentationDescriptor.Decode(bytes.AsSpan(2)));
        // Inside a section too, which SCTE-35's own decoder checks entry by entry.
        var section = SpliceInfoSection.Decode(new SpliceInfoSection(new TimeSignal(SpliceTime.At(1)), Descriptors: [.. bytes]).Encode());
        Assert.Equal(bytes, section.Descriptors.ToArray());
    }

    [Theory]
    [InlineData("43554549000000", 4, "segmentation_event_id")]
    [InlineData("4355454A00000001FF", 0, "identifier")]
    [InlineData("435545490000000100C0", 10, "segmentation_duration")]
    [InlineData("43554549000000017FBF0905414243", 12, "segmentation_upid")]
    [InlineData("43554549000000017FBF000034", 12, "segmentation_type_id")]
    public void A_short_or_foreign_descriptor_is_refused_naming_the_byte_and_field(string hex, int offset, string field)
    {
        var error = Assert.Throws<Scte35FormatException>(() => SegmentationDescriptor.Decode(Convert.FromHexString(hex)));

        Assert.Equal((offset, field), (error.Offset, error.Field));
    }

    [Fact]
    public void Component_segmentation_is_refused_as_not_supported_and_out_of_range_fields_are_refused_by_name()
    {
        Assert.Contains("component segmentation", Assert.Throws<NotSupportedException>(() =>
            SegmentationDescriptor.Decode(Convert.FromHexString("43554549000000017F7F01"))).Message);
        Assert.Equal("Duration", Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentationDescriptor(1, 0x34, Duration: 1UL << 40).Encode()).ParamName);
        Assert.Equal("Upid", Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentationDescriptor(1, 0x34, UpidType: 0x0F, Upid: [.. new byte[239]]).Encode()).ParamName);
        Assert.Equal("Restrictions", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SegmentationDescriptor(1, 0x34, Restrictions: new DeliveryRestrictions(true, true, true, 4)).Encode()).ParamName);
    }

    [Theory]
    [InlineData(25, 1, 1)]
    [InlineData(30000, 1001, 12)]
    [InlineData(60000, 1001, 59)]
    public void A_time_signal_with_segmentation_becomes_an_scte104_message_of_a_request_and_a_segmentation_request(long numerator, long denominator, int extraFrames)
    {
        var rate = new Rational(numerator, denominator);
        // 30 s and some frames, as ticks of the 90 kHz clock.
        ulong duration = 30 * 90_000 + (ulong)Math.Round(extraFrames * 90_000.0 * denominator / numerator);
        var segmentation = new SegmentationDescriptor(0x1234, 0x34, 1, 2, duration, 0x0C, [0x41, 0x42], SubSegmentNum: 3, SubSegmentsExpected: 4);
        byte[] avail = Convert.FromHexString("00084355454900000135");
        byte[] loop = [.. segmentation.Encode(), .. avail];

        var message = Scte104Message.Encode(new TimeSignal(SpliceTime.Immediate), TimeSpan.FromSeconds(4), 9, loop, rate);

        var ops = Operations(message, messageNumber: 9);
        Assert.Equal([Scte104Message.TimeSignalRequest, Scte104Message.InsertSegmentationDescriptorRequest, Scte104Message.InsertDescriptorRequest],
            ops.Select(o => o.OpId));
        Assert.Equal(4000, BinaryPrimitives.ReadUInt16BigEndian(ops[0].Data));
        // SCTE 104's insert_segmentation_descriptor_request_data: event id, cancel, duration (s), UPID type, length, UPID, type,
        // segment num/expected, duration extension frames, delivery not restricted, web, blackout, archive, device, sub-segment info.
        byte[] expected = [0, 0, 0x12, 0x34, 0, 0, 30, 0x0C, 2, 0x41, 0x42, 0x34, 1, 2, (byte)extraFrames, 1, 1, 1, 1, 3, 1, 3, 4];
        Assert.Equal(expected, ops[1].Data);
        // insert_descriptor_request_data: a count, then the descriptors whole.
        Assert.Equal([1, .. avail], ops[2].Data);
    }

    [Fact]
    public void A_message_over_one_ancillary_packet_is_refused_before_it_is_cued()
    {
        byte[] loop = new SegmentationDescriptor(1, 0x10, UpidType: 0x0F, Upid: [.. new byte[240]]).Encode();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Scte104Message.Encode(new TimeSignal(SpliceTime.Immediate), TimeSpan.Zero, 0, loop));
        Assert.Contains("over the 254 one ST 2010 packet carries", error.Message);
    }

    /// <summary>The operations of a multiple_operation_message (no time stamp), read from SCTE 104's layout.</summary>
    private static List<(ushort OpId, byte[] Data)> Operations(byte[] message, int messageNumber)
    {
        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(message));
        Assert.Equal(message.Length, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(2)));
        Assert.Equal((messageNumber, 0), (message[6], message[10]));
        var ops = new List<(ushort, byte[])>();
        int at = 12;
        for (int i = 0; i < message[11]; i++)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at + 2));
            ops.Add((BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at)), message.AsSpan(at + 4, length).ToArray()));
            at += 4 + length;
        }
        Assert.Equal(message.Length, at);
        return ops;
    }
}
