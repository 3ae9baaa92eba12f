using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>The "station" section, input names, the slate, the preview's rate and an ST 2110 destination: defaults, and bad values refused at their line and field.</summary>
public sealed class StationConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_a_station_section_it_is_playout_in_the_first_channels_automation_zone_or_utc()
    {
        var automated = Load("""{ "channels": [ { "name": "a", "format": "720p50", "clock": "system", "automation": { "timeZone": "Asia/Jakarta" } } ] }""");
        Assert.Equal(("Playout", "Asia/Jakarta"), (automated.Station.Name, automated.Station.ZoneName(automated)));
        var plain = Load("""{ "channels": [ { "name": "a", "format": "720p50", "clock": "system", "inputs": [ { "type": "stream", "url": "udp://127.0.0.1:5000" }, { "name": "studio", "type": "stream", "url": "udp://127.0.0.1:5002" } ] } ] }""");
        Assert.Equal("UTC", plain.Station.ZoneName(plain));
        Assert.Equal(["input 1", "studio"], [plain.Channels[0].InputName(0), plain.Channels[0].InputName(1)]);
        var named = Load("""{ "station": { "name": "VTV Test", "timeZone": "Asia/Ho_Chi_Minh" }, "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ] }""");
        Assert.Equal(("VTV Test", "Asia/Ho_Chi_Minh"), (named.Station.Name, named.Station.ZoneName(named)));
    }

    [Fact]
    public void Bad_values_are_refused_each_at_its_line_and_field()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            {
              "station": { "name": "", "timeZone": "Mars/Olympus" },
              "channels": [
                { "name": "a", "format": "720p50",
                  "inputs": [ { "name": "cam", "type": "stream", "url": "udp://127.0.0.1:5000" },
                              { "name": "cam", "type": "stream", "url": "udp://127.0.0.1:5002" } ],
                  "outputs": [ { "type": "preview", "perSecond": 50 },
                               { "type": "st2110", "destination": "239.1.1.1" },
                               { "type": "st2110-audio", "destination": "239.1.1.2:5004", "audioChannels": 17, "packetTime": 4 },
                               { "type": "st2110", "destination": "239.1.1.3:5004", "packetTime": 1 } ] }
              ]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        var lines = error.Message.Split(Environment.NewLine).Select(line => line.Replace(path, "FILE")).ToList();
        Assert.Contains("FILE, line 6: channels[0].inputs[1].name: another input is called 'cam'; give each a name of its own", lines);
        Assert.Contains("FILE, line 7: channels[0].outputs[0].perSecond: at most 25 pictures a second; got 50", lines);
        Assert.Contains("FILE, line 8: channels[0].outputs[1].destination: an st2110 output needs an address:port to send to; got \"239.1.1.1\"", lines);
        Assert.Contains("FILE, line 9: channels[0].outputs[2].audioChannels: an st2110-audio flow carries 1 to 16 of the programme's channels; got 17", lines);
        Assert.Contains("FILE, line 9: channels[0].outputs[2].packetTime: an st2110-audio output's packet time is 1 or 0.125 ms; got 4", lines);
        Assert.Contains("FILE, line 10: channels[0].outputs[3].packetTime: an st2110-audio output's packet time is 1 or 0.125 ms; got 1", lines);
        Assert.Contains("FILE, line 2: station.name: a name of 1 to 100 printable characters; got ''", lines);
        Assert.Contains("FILE, line 2: station.timeZone: unknown time zone 'Mars/Olympus' (an IANA name such as Europe/London)", lines);
    }

    private ServiceConfig Load(string json) => ServiceConfig.Load(_folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(json)));
}
