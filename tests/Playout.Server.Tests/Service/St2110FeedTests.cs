using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// Two channels of one service feeding each other over ST 2110: studio 2's st2110 input takes studio 1's st2110 and
/// st2110-audio outputs by the SDP files they write, and puts studio 1's picture on air.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class St2110FeedTests
{
    [Fact]
    public async Task A_channel_puts_another_channels_st2110_flows_on_air_from_their_sdp_files()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=0xC02020:s=720x576,format=rgba", "-frames:v", "1", folder.File("media/red.png"));
        int http = FreePorts.Tcp(), video = FreePorts.RtpPair(), audio = FreePorts.RtpPair();
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "state": "state",
              "logs": "logs",
              "channels": [
                { "name": "studio 1", "format": "576i50", "clock": "system", "graphics": [ { "image": "red.png" } ],
                  "outputs": [
                    { "type": "st2110", "destination": "127.0.0.1:{{video}}", "sdp": "state/studio1-video.sdp" },
                    { "type": "st2110-audio", "destination": "127.0.0.1:{{audio}}", "sdp": "state/studio1-audio.sdp" } ] },
                { "name": "studio 2", "format": "576i50", "clock": "system", "filler": { "color": "black" },
                  "inputs": [ { "name": "studio 1", "type": "st2110", "sdp": "state/studio1-video.sdp", "audioSdp": "state/studio1-audio.sdp", "layer": 5 } ],
                  "outputs": [ { "type": "preview", "width": 96, "height": 72, "perSecond": 5 } ] }
              ]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            using var client = service.Client();
            var layer = await WaitForLayer(client, service);
            Assert.Equal("st2110 studio1-video.sdp", layer.GetProperty("foreground").GetString());
            long filler = layer.GetProperty("fillerTicks").GetInt64();
            await Task.Delay(1000);
            var later = await WaitForLayer(client, service);
            Assert.Equal(JsonValueKind.Null, later.GetProperty("failure").ValueKind);
            Assert.True(later.GetProperty("fillerTicks").GetInt64() - filler <= 1, $"studio 2 showed its filler: {later}");
            // Studio 1's red picture is on studio 2's air: its preview, shrunk to a pixel by FFmpeg, is red.
            await File.WriteAllBytesAsync(folder.File("preview.jpg"), await client.GetByteArrayAsync("/api/channels/2/preview.jpg"));
            var pixel = ExternalTool.Execute("ffmpeg", ["-v", "error", "-i", folder.File("preview.jpg"), "-vf", "scale=1:1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]).Output;
            Assert.True(pixel[0] > 150 && pixel[1] < 80 && pixel[2] < 80, $"studio 2 shows rgb({pixel[0]}, {pixel[1]}, {pixel[2]})");
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    /// <summary>Studio 2's layer 5 once its input has shown a frame (no failure).</summary>
    private static async Task<JsonElement> WaitForLayer(HttpClient client, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !service.HasExited)
        {
            try
            {
                using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
                var layers = status.RootElement.GetProperty("channels")[1].GetProperty("engine").GetProperty("layers");
                if (layers.EnumerateArray().FirstOrDefault(l => l.GetProperty("number").GetInt32() == 5) is { ValueKind: JsonValueKind.Object } layer
                    && layer.GetProperty("failure").ValueKind == JsonValueKind.Null)
                    return layer.Clone();
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"studio 2's st2110 input never showed a frame (exited: {service.HasExited}): {await service.Errors}");
    }
}
