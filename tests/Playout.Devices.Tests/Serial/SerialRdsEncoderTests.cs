using Playout.Devices.Tests.Gpi;
using Playout.HwSim.Rds;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>
/// The serial-ascii driver with the RDS encoder profile against the RDS encoder twin over socat: RadioText and the programme
/// service name sent in ASCII and cut to their fields, read back by the poll, asserted again after the line comes back,
/// and text the command cannot send refused before anything goes on the line.
/// </summary>
[Collection(nameof(SerialLines))]
public sealed class SerialRdsEncoderTests
{
    [Fact]
    public async Task Radio_text_goes_out_folded_to_ascii_and_cut_to_64_characters_and_is_read_back()
    {
        await using var rig = new SerialRig();
        var encoder = rig.Twin(port => new RdsEncoderTwin(port));
        rig.Open(RdsEncoderProfile, name: "rds");
        await rig.Connected();

        await rig.Send("text", ("text", "Mỹ Tâm – Đất nước  trọn niềm vui"));
        Assert.Equal("My Tam - Dat nuoc tron niem vui", encoder.RadioText);
        await Until(() => rig.Setting("text") is { Desired: "My Tam - Dat nuoc tron niem vui", Actual: "My Tam - Dat nuoc tron niem vui" }, "the text read back");

        string longTitle = "Orchestra of the Southern Provinces – Symphony No. 9 in E minor, From the New World: IV. Allegro con fuoco";
        await rig.Send("text", ("text", longTitle));
        Assert.Equal("Orchestra of the Southern Provinces - Symphony No. 9 in E minor,", encoder.RadioText);
        Assert.Equal(64, encoder.RadioText.Length);
        // What has no ASCII form is left out; the station's name goes to its 8-character field.
        await rig.Send("text", ("text", "邓丽君 Teresa Teng"));
        Assert.Equal("Teresa Teng", encoder.RadioText);
        await rig.Send("ps", ("name", "Demo FM Radio"));
        Assert.Equal("Demo FM", encoder.ProgrammeService);

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("text", ("text", "two\nlines")));
        Assert.Equal("text: text with a control character (a line break, a tab) cannot be sent", refused.Message);
        Assert.DoesNotContain(encoder.Requests, r => r.Contains("two", StringComparison.Ordinal));
    }

    /// <summary>The encoder's serial port behind a TCP port (a serial device server, or an encoder's own network port): the same
    /// profile over <c>tcp://host:port</c>; the server gone is a lost link, and once it is back the text goes out again.</summary>
    [Fact]
    public async Task Radio_text_goes_over_tcp_and_a_server_gone_and_back_gets_the_text_again()
    {
        await using var rig = new SerialRig(tcp: true);
        rig.Twin(port => new RdsEncoderTwin(port));
        rig.Open(RdsEncoderProfile, name: "rds");
        await rig.Connected();
        await rig.Send("text", ("text", "Bài hát một"));
        await Until(() => rig.Setting("text")?.Actual == "Bai hat mot", "the text read back over tcp");

        rig.Line.Pull();
        await rig.Lost();
        rig.Line.Plug();
        // A new encoder behind the server, knowing nothing: the desired text is asserted once the connection is made again.
        var encoder = rig.Twin(port => new RdsEncoderTwin(port));
        await Until(() => encoder.RadioText == "Bai hat mot", "the text asserted again after the connection came back", seconds: 20);
    }

    [Fact]
    public async Task A_line_pulled_and_plugged_again_gets_the_radio_text_it_missed()
    {
        await using var rig = new SerialRig();
        var encoder = rig.Twin(port => new RdsEncoderTwin(port));
        rig.Open(RdsEncoderProfile, name: "rds");
        await rig.Connected();
        await rig.Send("text", ("text", "Song one"));

        encoder.Silent = true;
        await rig.Lost();
        await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("text", ("text", "Song two")));
        encoder.Silent = false;

        // Back: the poll reads "Song one", the desired "Song two" is asserted once.
        await Until(() => encoder.RadioText == "Song two", "the missed text asserted again");
        await Until(() => rig.Setting("text")?.Actual == "Song two", "and read back");
    }
}
