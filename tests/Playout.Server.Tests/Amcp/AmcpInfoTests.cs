using System.Xml.Linq;

namespace Playout.Server.Tests.Amcp;

/// <summary>INFO n and INFO n-l: CasparCG 2.3's XML with the element paths clients read (framerate, mixer/audio/volume, stage/layer/layer_N).</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpInfoTests(AmcpService service)
{
    [Fact]
    public async Task Info_of_a_channel_is_one_201_line_of_xml_with_the_frame_rate_the_levels_and_each_layer()
    {
        const int layer = 11;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer} CLIP1 LOOP"));
        Assert.Equal("202 LOADBG OK\r\n", await amcp.Ask($"LOADBG 1-{layer} sub/clip2"));
        string reply = await amcp.Ask("INFO 1");
        Assert.StartsWith("201 INFO OK\r\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<channel>\n   <framerate>25</framerate>\n   <framerate>1</framerate>\n   <mixer>\n      <audio>\n         <volume>", reply);
        Assert.EndsWith("</channel>\n\r\n", reply);
        Assert.Equal(2, reply.Split("\r\n").Length - 1);
        var channel = XDocument.Parse(reply.Split("\r\n")[1]).Root!;
        Assert.Equal(16, channel.Element("mixer")!.Element("audio")!.Elements("volume").Count());
        Assert.All(channel.Element("mixer")!.Element("audio")!.Elements("volume"), v => Assert.InRange(long.Parse(v.Value), 0, int.MaxValue));
        var on = channel.Element("stage")!.Element("layer")!.Element($"layer_{layer}")!;
        Assert.Equal("ffmpeg", on.Element("foreground")!.Element("producer")!.Value);
        Assert.Equal("clip1", on.Element("foreground")!.Element("file")!.Element("name")!.Value);
        Assert.EndsWith("clip1.mp4", on.Element("foreground")!.Element("file")!.Element("path")!.Value);
        var time = on.Element("foreground")!.Element("file")!.Elements("time").Select(t => double.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, time.Length);
        Assert.InRange(time[0], 0, 4);
        Assert.Equal(4, time[1], 3);
        Assert.Equal(("false", "true"), (on.Element("foreground")!.Element("paused")!.Value, on.Element("foreground")!.Element("loop")!.Value));
        Assert.Equal("Sub/Clip2", on.Element("background")!.Element("file")!.Element("name")!.Value);
        Assert.NotNull(channel.Element("stage")!.Element("layer")!.Element($"layer_{AmcpService.AutomationLayer}"));

        string one = await amcp.Ask($"INFO 1-{layer}");
        var only = XDocument.Parse(one.Split("\r\n")[1]).Root!;
        Assert.Equal([$"layer_{layer}"], only.Element("stage")!.Element("layer")!.Elements().Select(e => e.Name.LocalName));
        Assert.NotNull(only.Element("framerate"));
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask($"CLEAR 1-{layer}"));
    }
}
