using System.Text.Json;
using Microsoft.Playwright;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// The "hls" output played as a phone or smart TV app plays it: hls.js (npm) in Debian's Chromium, from the service's
/// master playlist. Playback starts, a switch to the other rendition takes, the schedule's titles and SCTE-35 break reach
/// the player as valid date ranges, TS segments' timed ID3 titles reach it too, and hls.js reports no error.
/// </summary>
// With the panel's tests, one at a time: three encoders and a browser beside them would slow their timed expectations.
[Collection(PanelCollection.Name)]
[Trait(RealTime.Trait, RealTime.Value)]
public class HlsPlaybackTests(PanelFixture panel)
{
    /// <summary>The test page: hls.js on a muted video element, noting its errors and rendition switches for the test.</summary>
    private const string Player = """
        <!doctype html><html><body><video id="video" muted playsinline></video>
        <script src="/hls.min.js"></script>
        <script>
          window.player = { errors: [], switched: [] };
          const video = document.getElementById('video');
          const hls = new Hls({ lowLatencyMode: false });
          window.hls = hls;
          hls.on(Hls.Events.ERROR, (_, data) => window.player.errors.push((data.fatal ? 'fatal ' : '') + data.details));
          hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => window.player.switched.push(data.level));
          // Timed ID3 in TS segments: each tag's bytes as text (its TIT2 frame holds the title in UTF-8).
          window.player.id3 = [];
          hls.on(Hls.Events.FRAG_PARSING_METADATA, (_, data) => data.samples.forEach(s => window.player.id3.push(new TextDecoder().decode(s.data))));
          hls.loadSource('/api/channels/1/hls/master.m3u8');
          hls.attachMedia(video);
          hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
        </script></body></html>
        """;

    [Fact]
    public async Task Hlsjs_in_chromium_plays_the_ladder_switches_renditions_and_reads_titles_and_breaks()
    {
        using var folder = new TempDirectory();
        BreakRotation.Write(folder, "640x360", 3, eventId: 42, breakSeconds: 3);
        using var service = Start(folder, out int http, """
            { "type": "hls", "folder": "state/hls", "segmentSeconds": 1, "preset": "ultrafast", "scte35": true,
              "renditions": [ { "height": 360, "videoBitrate": 800000 }, { "height": 240, "videoBitrate": 400000 } ] }
            """);
        try
        {
            // Three segments in each rendition's live window before the player starts.
            await Segments(service, [360, 240], ".m4s");
            var (context, page) = await Open(http);

            await page.WaitForFunctionAsync("document.getElementById('video').currentTime > 1.5", null, new PageWaitForFunctionOptions { Timeout = 45_000 });
            // hls.js orders the renditions by bit rate.
            Assert.Equal("240,360", await page.EvaluateAsync<string>("window.hls.levels.map(l => l.height).join(',')"));
            int other = await page.EvaluateAsync<int>("(window.hls.currentLevel + 1) % 2");
            double before = await page.EvaluateAsync<double>("document.getElementById('video').currentTime");
            await page.EvaluateAsync($"window.hls.currentLevel = {other}");
            await page.WaitForFunctionAsync($"window.player.switched.includes({other}) && document.getElementById('video').currentTime > {before + 2}",
                null, new PageWaitForFunctionOptions { Timeout = 45_000 });
            Assert.Equal(other == 0 ? 240 : 360, await page.EvaluateAsync<int>("document.getElementById('video').videoHeight"));
            // The playlist's date ranges as hls.js reads them: valid, placed on the media timeline, with their attributes.
            const string ranges = "Object.values(window.hls.levels[window.hls.currentLevel].details.dateRanges)";
            await page.WaitForFunctionAsync($"{ranges}.some(r => r.attr['SCTE35-OUT']) && {ranges}.some(r => r.attr['X-TITLE'] === 'Advert')",
                null, new PageWaitForFunctionOptions { Timeout = 45_000 });
            var read = JsonSerializer.Deserialize<JsonElement[]>(await page.EvaluateAsync<string>(
                $"JSON.stringify({ranges}.map(r => ({{ id: r.id, cls: r.class || '', title: r.attr['X-TITLE'] || '', out: r.attr['SCTE35-OUT'] || '', planned: r.plannedDuration, valid: r.isValid, start: r.startTime }})))"))!;
            Assert.All(read, r => Assert.True(r.GetProperty("valid").GetBoolean() && r.GetProperty("start").ValueKind == JsonValueKind.Number, r.ToString()));
            var splice = read.First(r => r.GetProperty("out").GetString() is { Length: > 0 });
            Assert.StartsWith("splice-42", splice.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(3.0, splice.GetProperty("planned").GetDouble());
            Assert.StartsWith("0xFC", splice.GetProperty("out").GetString(), StringComparison.Ordinal);
            Assert.Contains(read, r => r.GetProperty("cls").GetString() == "org.playout.now-playing" && r.GetProperty("title").GetString() == "Advert");
            await NoErrors(page);
            await context.CloseAsync();
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    [Fact]
    public async Task Hlsjs_reads_the_titles_timed_id3_from_ts_segments()
    {
        using var folder = new TempDirectory();
        BreakRotation.Write(folder, "320x180", 2, eventId: 7, breakSeconds: 2);
        using var service = Start(folder, out int http, """
            { "type": "hls", "folder": "state/hls", "segmentSeconds": 1, "preset": "ultrafast", "segmentType": "ts",
              "nowPlaying": true, "renditions": [ { "height": 180, "videoBitrate": 300000 } ] }
            """);
        try
        {
            await Segments(service, [180], ".ts");
            var (context, page) = await Open(http);
            await page.WaitForFunctionAsync("window.player.id3.some(t => t.includes('Programme A')) && window.player.id3.some(t => t.includes('Advert'))",
                null, new PageWaitForFunctionOptions { Timeout = 45_000 });
            Assert.All(JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("JSON.stringify(window.player.id3)"))!,
                tag => Assert.StartsWith("ID3", tag, StringComparison.Ordinal));
            await NoErrors(page);
            await context.CloseAsync();
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    /// <summary>hls.js reported no error on the page.</summary>
    private static async Task NoErrors(IPage page)
    {
        var errors = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("JSON.stringify(window.player.errors)"))!;
        Assert.True(errors.Length == 0, $"hls.js reported: {string.Join(", ", errors)}");
    }

    /// <summary>A service with one 720p50 channel playing the break rotation (in <paramref name="folder"/>) to <paramref name="output"/>.</summary>
    private static ServiceProcess Start(TempDirectory folder, out int http, string output)
    {
        http = FreePorts.Tcp();
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "state": "state",
              "logs": "logs",
              "media": "media",
              "channels": [{
                "name": "ott", "format": "720p50", "clock": "system",
                "automation": { "template": "day.yaml", "timeZone": "UTC", "dayStart": "00:00" },
                "outputs": [ {{output}} ]
              }]
            }
            """));
        return ServiceProcess.Start(config, $"127.0.0.1:{http}");
    }

    /// <summary>Waits until each rendition's live window lists three segments (named *<paramref name="extension"/>).</summary>
    private static async Task Segments(ServiceProcess service, int[] heights, string extension)
    {
        using var client = service.Client();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            var playlists = await Task.WhenAll(heights.Select(async h =>
            {
                try
                {
                    return await client.GetAsync($"/api/channels/1/hls/{h}p/index.m3u8") is { IsSuccessStatusCode: true } r ? await r.Content.ReadAsStringAsync() : "";
                }
                catch (HttpRequestException)
                {
                    return ""; // Not listening yet.
                }
            }));
            if (playlists.All(p => p.Split(extension).Length > 3))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"the renditions never had three segments (exited: {service.HasExited})");
        }
    }

    /// <summary>The test page, served beside the service (same origin), with hls.js from the npm copy.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> Open(int http)
    {
        var context = await panel.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        string origin = $"http://127.0.0.1:{http}";
        await page.RouteAsync($"{origin}/player.html", route => route.FulfillAsync(new RouteFulfillOptions { Body = Player, ContentType = "text/html" }));
        await page.RouteAsync($"{origin}/hls.min.js", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = Repository.File(".playout/node/node_modules/hls.js/dist/hls.min.js"),
            ContentType = "text/javascript",
        }));
        await page.GotoAsync($"{origin}/player.html");
        return (context, page);
    }
}
