using System.Buffers.Binary;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Playout.Media.Scte35;

namespace Playout.Server.Cli;

/// <summary>`playout scte35 decode BASE64|HEX`: a readable dump of one SCTE-35 splice_info_section.</summary>
public static class Scte35Command
{
    public static Command Create()
    {
        var input = new Argument<string>("section") { Description = "The section as base64 (/DAv...) or hex (0xFC302F..., spaces allowed)" };
        var decode = new Command("decode", "Decode and check one splice_info_section") { input };
        decode.SetAction(result => Decode(result.GetValue(input)!, result.InvocationConfiguration.Output));
        return new Command("scte35", "SCTE-35 splice information (ad insertion cues)") { decode };
    }

    private static int Decode(string text, TextWriter output)
    {
        byte[] bytes;
        SpliceInfoSection section;
        try
        {
            bytes = Scte35Text.ParseBytes(text);
            section = SpliceInfoSection.Decode(bytes);
        }
        catch (Scte35FormatException e)
        {
            throw new CliInputException($"not a valid SCTE-35 section: {e.Message}");
        }
        output.Write(Describe(section, bytes));
        return PlayoutCli.Ok;
    }

    /// <summary>The dump, one field a line.</summary>
    public static string Describe(SpliceInfoSection section, ReadOnlySpan<byte> bytes)
    {
        var w = new StringBuilder();
        void Line(int indent, string name, string value) => w.Append(new string(' ', indent)).Append(name.PadRight(22 - indent)).Append(value).Append('\n');

        w.Append(CultureInfo.InvariantCulture, $"splice_info_section ({bytes.Length} bytes)\n");
        Line(2, "table_id", "0xFC");
        Line(2, "sap_type", section.SapType.ToString(CultureInfo.InvariantCulture));
        Line(2, "protocol_version", section.ProtocolVersion.ToString(CultureInfo.InvariantCulture));
        Line(2, "pts_adjustment", Ticks(section.PtsAdjustment));
        Line(2, "tier", $"0x{section.Tier:X3}");
        Line(2, "cw_index", section.CwIndex.ToString(CultureInfo.InvariantCulture));
        Line(2, "command", $"{Name(section.Command.Type)} (0x{(byte)section.Command.Type:X2})");
        switch (section.Command)
        {
            case SpliceInsert insert:
                Line(4, "splice_event_id", $"0x{insert.EventId:X8} ({insert.EventId})");
                Line(4, "cancel", YesNo(insert.Cancel));
                if (insert.Cancel)
                    break;
                Line(4, "out_of_network", insert.OutOfNetwork ? "yes (out: leave the network, start of break)" : "no (in: return to the network)");
                Line(4, "splice_time", Time(insert.Time));
                Line(4, "break_duration", insert.Duration is { } d ? $"{Ticks(d.Duration)}, auto_return {YesNo(d.AutoReturn)}" : "none");
                Line(4, "unique_program_id", insert.UniqueProgramId.ToString(CultureInfo.InvariantCulture));
                Line(4, "avail_num", insert.AvailNum.ToString(CultureInfo.InvariantCulture));
                Line(4, "avails_expected", insert.AvailsExpected.ToString(CultureInfo.InvariantCulture));
                break;
            case TimeSignal signal:
                Line(4, "splice_time", Time(signal.Time));
                break;
            case UnknownSpliceCommand unknown:
                Line(4, "bytes", unknown.Bytes.Length == 0 ? "none" : Convert.ToHexString(unknown.Bytes.AsSpan()));
                break;
        }
        if (section.SplicePts is { } pts)
            Line(2, "splice pts", $"{Ticks(pts)} (pts_time + pts_adjustment)");
        var descriptors = section.Descriptors.AsSpan();
        var entries = SpliceDescriptorLoop.Entries(descriptors);
        Line(2, "descriptors", $"{entries.Count} ({descriptors.Length} bytes)");
        foreach (var entry in entries)
        {
            var body = descriptors.Slice(entry.BodyOffset, entry.BodyLength);
            string identifier = body.Length >= 4 ? Encoding.ASCII.GetString(body[..4]) : "";
            string data = body.Length > 4 ? Convert.ToHexString(body[4..]) : "";
            Line(4, $"tag 0x{entry.Tag:X2}", $"{DescriptorName(entry.Tag)}, {body.Length} bytes, identifier '{identifier}'{(data.Length > 0 ? ", data " + data : "")}");
            if (entry.Tag == SegmentationDescriptor.Tag)
                Segmentation(Line, body);
        }
        Line(2, "CRC_32", $"0x{BinaryPrimitives.ReadUInt32BigEndian(bytes[^4..]):X8} ok");
        return w.ToString();
    }

    /// <summary>A segmentation_descriptor's fields, or why they cannot be read (the raw bytes are printed above).</summary>
    private static void Segmentation(Action<int, string, string> line, ReadOnlySpan<byte> body)
    {
        SegmentationDescriptor d;
        try
        {
            d = SegmentationDescriptor.Decode(body);
        }
        catch (Exception error) when (error is Scte35FormatException or NotSupportedException)
        {
            line(6, "not read", error.Message);
            return;
        }
        line(6, "event_id", $"0x{d.EventId:X8} ({d.EventId})");
        if (d.Cancel)
        {
            line(6, "cancel", "yes");
            return;
        }
        line(6, "type_id", $"0x{d.TypeId:X2} ({SegmentationTypes.Name(d.TypeId) ?? "not named"})");
        line(6, "segment", $"{d.SegmentNum} of {d.SegmentsExpected}");
        if (SegmentationDescriptor.HasSubSegments(d.TypeId))
            line(6, "sub_segment", $"{d.SubSegmentNum} of {d.SubSegmentsExpected}");
        line(6, "duration", d.Duration is { } duration ? Ticks(duration) : "none");
        line(6, "upid", $"type 0x{d.UpidType:X2}, {d.Upid.Length} bytes{(d.Upid.IsEmpty ? "" : ": " + Convert.ToHexString(d.Upid.AsSpan()))}");
        line(6, "delivery", d.Restrictions is { } r
            ? $"restricted: web {YesNo(r.WebDeliveryAllowed)}, no regional blackout {YesNo(r.NoRegionalBlackout)}, archive {YesNo(r.ArchiveAllowed)}, device_restrictions {r.DeviceRestrictions}"
            : "not restricted");
    }

    private static string Time(SpliceTime time) => time.PtsTime is { } pts ? $"pts_time {Ticks(pts)}" : "immediate";

    private static string Ticks(ulong ticks) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticks} ({ticks / 90000.0:0.000000} s)");

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Name(SpliceCommandType type) => type switch
    {
        SpliceCommandType.SpliceNull => "splice_null",
        SpliceCommandType.SpliceSchedule => "splice_schedule",
        SpliceCommandType.SpliceInsert => "splice_insert",
        SpliceCommandType.TimeSignal => "time_signal",
        SpliceCommandType.BandwidthReservation => "bandwidth_reservation",
        SpliceCommandType.PrivateCommand => "private_command",
        _ => "reserved",
    };

    private static string DescriptorName(byte tag) => tag switch
    {
        0x00 => "avail_descriptor",
        0x01 => "DTMF_descriptor",
        0x02 => "segmentation_descriptor",
        0x03 => "time_descriptor",
        0x04 => "audio_descriptor",
        _ => "private descriptor",
    };
}
