using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// The 720p channels that went black (1280 is not a whole number of 48-pixel v210 blocks): the service runs a 720p50 and a
/// 720p59.94 channel, each a clip under a keyed logo, with no failed tick and a flat pool, and stops on SIGTERM with exit 0.
/// </summary>
public class ModeMatrixServiceTests
{
    [Fact]
    public async Task Channels_at_720p50_and_720p59_94_with_a_logo_run_without_a_failed_tick_and_stop_cleanly_on_sigterm()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=50:duration=2", "-c:v", "mpeg2video", folder.File("media/clip.ts"));
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white@0.5:s=100x40,format=rgba", "-frames:v", "1", folder.File("media/logo.png"));
        int http = FreePorts.Tcp();
        string Channel(string name, string format) => $$"""
            {
              "name": "{{name}}",
              "format": "{{format}}",
              "clock": "system",
              "playlist": { "items": [ { "file": "clip.ts" } ], "loop": true },
              "graphics": [ { "image": "logo.png", "x": 1130, "y": 41 } ],
              "outputs": [ { "type": "preview", "width": 192, "height": 108, "perSecond": 5 } ]
            }
            """;
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "http": "127.0.0.1:{{http}}", "media": "media", "logs": "logs", "state": "state",
              "channels": [ {{Channel("p50", "720p50")}}, {{Channel("p5994", "720p59.94")}} ] }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            using var client = service.Client();
            await service.WaitUntilServing();
            // The clip's decode queue fills in the first seconds (slower on a loaded host); the pool is compared after that.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var first = await Engines(client);
            await Task.Delay(TimeSpan.FromSeconds(4));
            var later = await Engines(client);
            foreach (var (before, after) in first.Zip(later))
            {
                string name = after.GetProperty("name").GetString()!;
                Assert.True(after.GetProperty("tick").GetInt64() > before.GetProperty("tick").GetInt64() + 100, $"{name} did not tick");
                Assert.Equal(0, after.GetProperty("failedTicks").GetInt64());
                Assert.DoesNotContain(after.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("source").GetString()!.EndsWith("/tick"));
                Assert.All(after.GetProperty("layers").EnumerateArray(), l => Assert.Null(l.GetProperty("failure").GetString()));
                // The pool is flat: what is out now is what was out four seconds ago, give or take the decode queue's fill.
                Assert.InRange(after.GetProperty("videoFramesOutstanding").GetInt32(), 1, before.GetProperty("videoFramesOutstanding").GetInt32() + 8);
            }
        }
        finally
        {
            int code = service.Stop("TERM");
            Assert.True(code == 0, await service.Errors);
        }
        string log = ServiceLog.Read(folder.File("logs"));
        Assert.DoesNotContain("still outstanding", log);
        Assert.Contains("every channel is off air", log);
    }

    private static async Task<JsonElement[]> Engines(HttpClient client)
    {
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        return [.. status.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("engine").Clone())];
    }
}
