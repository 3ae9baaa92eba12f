using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// The service as `./playout run` starts it: a real process, its status page and API, its UDP stream read by ffprobe, its
/// ST 2110-20 flow by ffmpeg from the SDP it writes, Ctrl-C.
/// </summary>
public class ServiceTests
{
    [Fact]
    public async Task The_service_puts_a_channel_on_air_serves_its_status_streams_it_and_stops_cleanly_on_ctrl_c()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=720x576:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=1000:duration=2",
            "-c:v", "mpeg2video", "-c:a", "mp2", folder.File("media/clip.ts"));
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white@0.5:s=64x32,format=rgba", "-frames:v", "1", folder.File("media/logo.png"));
        int http = FreePorts.Tcp(), udp = FreePorts.Udp(), rtp = FreePorts.RtpPair(), rtpAudio = FreePorts.RtpPair();
        using var ancillary = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram,
            System.Net.Sockets.ProtocolType.Udp) { ReceiveTimeout = 10_000 };
        ancillary.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "logs": "logs",
              "channels": [{
                "name": "test channel",
                "format": "576i50",
                "clock": "genlock",
                "card": { "driver": "hw-sim", "settings": { "jitter-us": "300" } },
                "playlist": { "items": [ { "file": "clip.ts" }, { "file": "missing.mxf", "seconds": 0.4 } ] },
                "graphics": [ { "image": "logo.png", "x": 600, "y": 40 } ],
                "outputs": [
                  { "type": "card" },
                  { "type": "stream", "url": "udp://127.0.0.1:{{udp}}?pkt_size=1316", "video": "mpeg2video", "audio": "mp2" },
                  { "type": "preview", "width": 192, "height": 144, "perSecond": 5 },
                  { "type": "st2110", "destination": "127.0.0.1:{{rtp}}", "sdp": "state/video.sdp" },
                  { "type": "st2110-audio", "destination": "127.0.0.1:{{rtpAudio}}", "sdp": "state/audio.sdp", "audioChannels": 8 },
                  { "type": "st2110-anc", "destination": "{{ancillary.LocalEndPoint}}" },
                  { "type": "hls", "folder": "state/hls", "segmentSeconds": 1, "preset": "ultrafast" }
                ]
              }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            using var client = service.Client();
            var channel = await WaitForFramesSent(client, 75, service);
            Assert.Equal("576i50", channel.GetProperty("format").GetString());
            Assert.True(channel.GetProperty("genlocked").GetBoolean());
            Assert.StartsWith("playlist", channel.GetProperty("layers")[0].GetProperty("foreground").GetString());
            Assert.True(channel.GetProperty("consumers")[0].GetProperty("counters").GetProperty("sent").GetInt64() >= 75);

            Assert.Contains("<title>Playout panel</title>", await client.GetStringAsync("/"));
            Assert.Contains("<title>Playout status</title>", await client.GetStringAsync("/status.html"));
            byte[] preview = await client.GetByteArrayAsync("/api/channels/1/preview.jpg");
            Assert.Equal([0xFF, 0xD8], preview[..2]);

            // A real peer reads the UDP stream off the loopback.
            using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe",
                ["-v", "error", "-show_streams", "-of", "json", $"udp://127.0.0.1:{udp}?timeout=5000000"], TimeSpan.FromSeconds(30)));
            var codecs = probe.RootElement.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("codec_name").GetString()).ToArray();
            Assert.Contains("mpeg2video", codecs);
            Assert.Contains("mp2", codecs);

            // And FFmpeg's RFC 4175 receiver takes a whole 576i frame of the ST 2110-20 flow from the SDP the output wrote.
            ExternalTool.Run("ffmpeg", Ffmpeg.RtpReceiverArguments(folder.File("state/video.sdp"), 1, folder.File("frame.yuv")), TimeSpan.FromSeconds(30));
            Assert.Equal(720 * 576 * 4, new FileInfo(folder.File("frame.yuv")).Length);
            Assert.Equal(await File.ReadAllTextAsync(folder.File("state/video.sdp")), await client.GetStringAsync("/api/channels/1/outputs/4/flow.sdp"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/channels/1/outputs/1/flow.sdp")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/channels/1/outputs/9/flow.sdp")).StatusCode);

            // FFmpeg takes a tenth of a second of the eight-channel ST 2110-30 flow from its SDP, served as written.
            ExternalTool.Run("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", "-protocol_whitelist", "file,udp,rtp", "-i", folder.File("state/audio.sdp"),
                "-frames:a", "100", "-c:a", "pcm_s32le", "-f", "s32le", folder.File("audio.raw")], TimeSpan.FromSeconds(30));
            Assert.True(new FileInfo(folder.File("audio.raw")).Length >= 100 * 48 * 8 * 4, "a tenth of a second of eight channels");
            Assert.Contains("a=rtpmap:97 L24/48000/8", await client.GetStringAsync("/api/channels/1/outputs/5/flow.sdp"));

            // The ST 2110-40 flow: an RFC 8331 packet carrying ST 12-2 time code (DID 0x60: the 10-bit word after the 32-bit
            // header word of the first ANC packet), its SDP served.
            var datagram = new byte[1500];
            Assert.True(ancillary.Receive(datagram) > 24);
            Assert.Equal(0x60, ((datagram[24] << 8 | datagram[25]) >> 6) & 0xFF);
            Assert.Contains("a=rtpmap:100 smpte291/90000", await client.GetStringAsync("/api/channels/1/outputs/6/flow.sdp"));

            // HLS: the default ladder of a 576-line channel is its 480-line rendition; the service serves the playlists and
            // segments it writes, and nothing else.
            string master = await client.GetStringAsync("/api/channels/1/hls/master.m3u8");
            Assert.Contains("RESOLUTION=854x480,", master);
            Assert.Contains("480p/index.m3u8", master);
            string media = "";
            for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && !media.Contains(".m4s"); await Task.Delay(250))
                media = (await client.GetAsync("/api/channels/1/hls/480p/index.m3u8")) is { IsSuccessStatusCode: true } found ? await found.Content.ReadAsStringAsync() : "";
            string segment = media.Split('\n').First(l => l.EndsWith(".m4s", StringComparison.Ordinal));
            using var served = await client.GetAsync($"/api/channels/1/hls/480p/{segment}");
            Assert.Equal("video/iso.segment", served.Content.Headers.ContentType?.MediaType);
            Assert.True((await served.Content.ReadAsByteArrayAsync()).Length > 1000);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/channels/1/hls/480p/nothing.m4s")).StatusCode);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
        string log = ServiceLog.Read(folder.File("logs"));
        Assert.Contains("test channel on air", log);
        // The frame stores were chosen (the cache timed) before the first channel went on air, not on a channel's thread.
        int stores = log.IndexOf("Frame passes write through the cache up to", StringComparison.Ordinal);
        Assert.InRange(stores, 0, log.IndexOf("test channel on air", StringComparison.Ordinal));
        Assert.Contains("missing.mxf", log);
        Assert.Contains("every channel is off air", log);
        Assert.Contains("every channel is off air", await service.Output);
    }

    /// <summary>Waits until the first output has taken <paramref name="frames"/> frames (the tick is a frame number on the clock's timeline, not a count).</summary>
    private static async Task<JsonElement> WaitForFramesSent(HttpClient client, long frames, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !service.HasExited)
        {
            try
            {
                using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
                var channel = status.RootElement.GetProperty("channels")[0].GetProperty("engine");
                if (channel.GetProperty("consumers").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } output
                    && output.GetProperty("counters").GetProperty("sent").GetInt64() >= frames)
                    return channel.Clone();
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the service did not send {frames} frames (exited: {service.HasExited})");
    }
}
