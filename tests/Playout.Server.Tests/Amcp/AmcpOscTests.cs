using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>OSC status out: CasparCG's addresses for a layer's file time and frame, paused and path, and the channel's audio levels, received over UDP.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpOscTests(AmcpService service)
{
    [Fact]
    public async Task The_service_sends_each_layers_file_time_frame_paused_and_path_and_the_channels_levels()
    {
        const int layer = 18;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer} CLIP1 LOOP"));
        Assert.Equal("202 PAUSE OK\r\n", await amcp.Ask($"PAUSE 1-{layer}"));
        var seen = new Dictionary<string, object[]>();
        string at = $"/channel/1/stage/layer/{layer}/";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(seen.ContainsKey(at + "foreground/paused") && seen[at + "foreground/paused"] is [true] && seen.ContainsKey(at + "file/frame")))
        {
            var datagram = await service.Osc.ReceiveAsync(timeout.Token);
            Assert.InRange(datagram.Buffer.Length, 16, OscPacket.BundleLimit + 512);
            foreach (var (address, arguments) in OscDecoder.Messages(datagram.Buffer))
                seen[address] = arguments;
        }
        Assert.Equal([25, 1], seen["/channel/1/framerate"]);
        Assert.Equal(16, seen["/channel/1/mixer/audio/volume"].Length);
        Assert.All(seen["/channel/1/mixer/audio/volume"], v => Assert.IsType<int>(v));
        Assert.Equal([16], seen["/channel/1/mixer/audio/nb_channels"]);
        Assert.IsType<float>(Assert.Single(seen["/channel/1/mixer/audio/1/dBFS"]));
        Assert.Equal(["ffmpeg"], seen[at + "foreground/producer"]);
        Assert.EndsWith("clip1.mp4", (string)seen[at + "foreground/file/path"][0]);
        Assert.Equal(["clip1.mp4"], seen[at + "file/path"]);
        Assert.Equal([true], seen[at + "paused"]);
        var time = seen[at + "foreground/file/time"].Cast<float>().ToArray();
        Assert.Equal(4f, time[1], 3);
        var frame = seen[at + "file/frame"].Cast<int>().ToArray();
        Assert.Equal(100, frame[1]);
        Assert.Equal(frame[0] / 25f, ((float[])[.. seen[at + "file/time"].Cast<float>()])[0], 3);
        Assert.Equal("202 STOP OK\r\n", await amcp.Ask($"STOP 1-{layer}"));
    }
}
