using System.Net;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// The panel's station, devices and preview over REST against a running service: the station's zone and offset, each
/// output's counters, the MJPEG preview opened with a ticket, counted against api.maxStreamClients and given back when
/// its client goes.
/// </summary>
public class PanelDataServiceTests
{
    private const string Viewer = "viewer-token-0123456789";

    [Fact]
    public async Task Station_devices_and_the_mjpeg_preview_are_served_and_the_preview_holds_a_stream_place_until_its_client_goes()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp(), udp = FreePorts.Udp();
        Directory.CreateDirectory(folder.File("media"));
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "station": { "name": "Test TV", "timeZone": "Asia/Ho_Chi_Minh" },
              "api": { "maxStreamClients": 1, "tokens": [ { "name": "wall", "token": "{{Viewer}}", "role": "viewer" } ] },
              "devices": [ { "name": "router" } ],
              "channels": [{
                "name": "panel channel",
                "format": "720p50",
                "clock": "system",
                "outputs": [
                  { "type": "stream", "url": "udp://127.0.0.1:{{udp}}?pkt_size=1316", "video": "mpeg2video", "audio": "mp2" },
                  { "type": "preview", "width": 160, "height": 90, "perSecond": 10 } ]
              }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var viewer = service.Client(Viewer);
            using var anonymous = service.Client();

            using var station = JsonDocument.Parse(await viewer.GetStringAsync("/api/station"));
            Assert.Equal(("Test TV", "Asia/Ho_Chi_Minh", 420), (station.RootElement.GetProperty("name").GetString(),
                station.RootElement.GetProperty("timeZone").GetString(), station.RootElement.GetProperty("utcOffsetMinutes").GetInt32()));

            await Task.Delay(1000);
            using var devices = JsonDocument.Parse(await viewer.GetStringAsync("/api/devices"));
            var outputs = devices.RootElement.GetProperty("outputs");
            Assert.Equal(2, outputs.GetArrayLength());
            Assert.Equal(("panel channel", 0, "stream", "ok"), (outputs[0].GetProperty("channel").GetString(), outputs[0].GetProperty("index").GetInt32(),
                outputs[0].GetProperty("type").GetString(), outputs[0].GetProperty("state").GetString()));
            Assert.StartsWith($"udp://127.0.0.1:{udp}", outputs[0].GetProperty("target").GetString());
            Assert.True(outputs[0].GetProperty("framesSent").GetInt64() > 10);
            Assert.Equal("preview", outputs[1].GetProperty("type").GetString());
            Assert.Equal(0, devices.RootElement.GetProperty("cards").GetArrayLength());
            var router = devices.RootElement.GetProperty("devices").EnumerateArray().Single();
            Assert.Equal(("router", "log", "ok", JsonValueKind.Null), (router.GetProperty("name").GetString(), router.GetProperty("driver").GetString(),
                router.GetProperty("state").GetString(), router.GetProperty("lastAction").ValueKind));

            // No ticket, no preview; a ticket opens it once, and it streams JPEG parts at about the preview's rate.
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/channels/1/preview.mjpeg", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
            string url = "/api/channels/1/preview.mjpeg?ticket=" + await Ticket(viewer);
            using (var response = await anonymous.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType!.MediaType);
                using var body = await response.Content.ReadAsStreamAsync();
                var started = DateTime.UtcNow;
                var lags = new List<long>();
                var ticks = new List<long>();
                for (int part = 0; part < 5; part++)
                {
                    var (jpeg, tick) = await ReadPart(body);
                    Assert.Equal([0xFF, 0xD8], jpeg[..2]);
                    Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
                    using var engine = JsonDocument.Parse(await viewer.GetStringAsync("/api/channels/1"));
                    lags.Add(engine.RootElement.GetProperty("tick").GetInt64() - tick);
                    ticks.Add(tick);
                }
                // Each part names the tick it shows, each a later one, never one the channel has not run yet; how far behind
                // it is depends on the machine's load (measured in bench, not judged here beyond a bound of 5 s).
                Assert.True(ticks.Zip(ticks.Skip(1)).All(p => p.Second > p.First), string.Join(", ", ticks));
                Assert.All(lags, lag => Assert.InRange(lag, 0, 250));
                // 10 pictures a second: 5 parts take about half a second, never much more.
                Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(3));
                // Its place is taken: the one stream allowed is open.
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await viewer.GetAsync("/api/channels/1/meters/stream", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, HttpCompletionOption.ResponseHeadersRead)).StatusCode);
            }
            // The client went: its place is given back.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            HttpStatusCode code;
            do
            {
                using var again = await viewer.GetAsync("/api/channels/1/meters/stream", HttpCompletionOption.ResponseHeadersRead);
                code = again.StatusCode;
            }
            while (code != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());
            Assert.Equal(HttpStatusCode.OK, code);
            // Not automated: no cued still.
            Assert.Equal(HttpStatusCode.Conflict, (await viewer.GetAsync("/api/channels/1/cued.jpg")).StatusCode);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    private static async Task<string> Ticket(HttpClient client)
    {
        using var ticket = JsonDocument.Parse(await (await client.PostAsync("/api/stream-ticket", null)).Content.ReadAsStringAsync());
        return ticket.RootElement.GetProperty("value").GetString()!;
    }

    /// <summary>One part of the multipart stream: its headers, then Content-Length bytes of JPEG; and the tick it shows.</summary>
    private static async Task<(byte[] Jpeg, long Tick)> ReadPart(Stream body)
    {
        int length = -1;
        long tick = -1;
        string line;
        do
        {
            line = await ReadLine(body);
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (line.StartsWith("X-Playout-Tick:", StringComparison.OrdinalIgnoreCase))
                tick = long.Parse(line["X-Playout-Tick:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        while (line.Length > 0 || length < 0);
        var jpeg = new byte[length];
        await body.ReadExactlyAsync(jpeg);
        Assert.Equal("", await ReadLine(body));
        Assert.True(tick >= 0, "a part without its tick");
        return (jpeg, tick);
    }

    private static async Task<string> ReadLine(Stream body)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            await body.ReadExactlyAsync(one);
            if (one[0] == '\n')
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }
}
