namespace Playout.Server.Tests.Cli;

public class Scte35CommandTests
{
    private const string SpliceInsert = "/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=";

    [Fact]
    public void Decode_dumps_a_splice_insert_given_as_base64()
    {
        var (code, output, error) = CliRunner.Run("scte35", "decode", SpliceInsert);

        Assert.True(code == 0, error);
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("command             splice_insert (0x05)", lines);
        Assert.Contains("splice_event_id   0x4800008F (1207959695)", lines);
        Assert.Contains(lines, l => l.StartsWith("out_of_network", StringComparison.Ordinal) && l.Contains("yes (out"));
        Assert.Contains("splice_time       pts_time 1936310318 (21514.559089 s)", lines);
        Assert.Contains("break_duration    5426421 (60.293567 s), auto_return yes", lines);
        Assert.Contains("pts_adjustment      0 (0.000000 s)", lines);
        Assert.Contains("CRC_32              0x62DBA30A ok", lines);
        Assert.Contains(lines, l => l.StartsWith("tag 0x00", StringComparison.Ordinal) && l.Contains("avail_descriptor") && l.Contains("'CUEI'"));
    }

    [Fact]
    public void Decode_takes_hex_with_0x_and_spaces_as_one_argument()
    {
        var (code, output, _) = CliRunner.Run("scte35", "decode",
            "0xFC 3034000000000000FFFFF00506FE72BD0050001E021C435545494800008E7FCF0001A599B00808000000002CA0A18A3402009AC9D17E");

        Assert.Equal(0, code);
        Assert.Contains("time_signal (0x06)", output);
        Assert.Contains("pts_time 1924989008 (21388.766756 s)", output);
        Assert.Contains("segmentation_descriptor", output);
        // The descriptor's fields, as SCTE 35's sample 14.1 publishes them.
        Assert.Contains("event_id        0x4800008E (1207959694)", output);
        Assert.Contains("type_id         0x34 (providerPlacementOpportunityStart)", output);
        Assert.Contains("duration        27630000 (307.000000 s)", output);
        Assert.Contains("upid            type 0x08, 8 bytes: 000000002CA0A18A", output);
        Assert.Contains("delivery        restricted: web no, no regional blackout yes, archive yes, device_restrictions 3", output);
        Assert.Contains("0x9AC9D17E ok", output);
    }

    [Theory]
    [InlineData("/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz2AAAAAAAKAAhDVUVJAAABNWLbowo=", "byte 46 (CRC_32)")] // one bit of break_duration flipped
    [InlineData("FC302F000000", "byte 6 (section_length)")]
    [InlineData("not a section!", "neither hex nor base64")]
    public void Bad_input_exits_2_with_the_offset_and_field(string input, string expected)
    {
        var (code, output, error) = CliRunner.Run("scte35", "decode", input);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("not a valid SCTE-35 section", error);
        Assert.Contains(expected, error);
    }
}
