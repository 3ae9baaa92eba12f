using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// Real faults around a running service, one after another: its card (a process of its own) stopped for 5 s, then
/// killed, and a damaged clip in its playlist. The channel stays on air at its frame rate through each, and SIGTERM
/// afterwards still stops it with exit code 0, its file output finished and no frame leaked.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class ServiceFaultTests
{
    private const double Rate = 50;

    [Fact]
    public async Task A_card_stopped_for_5_s_then_killed_and_a_damaged_clip_leave_the_channel_on_air_and_sigterm_exits_0()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=50:duration=2", "-c:v", "mpeg2video", folder.File("media/clip.ts"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=50:duration=2", "-c:v", "libx264", folder.File("whole.mp4"));
        // The first 4 KB of an MP4 whose index is at its end: unreadable.
        folder.Write("media/damaged.mp4", File.ReadAllBytes(folder.File("whole.mp4"))[..4096]);
        string socket = folder.File("card.sock");
        using var card = Card(socket);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(socket), 30_000), "the card process did not listen");
        int http = FreePorts.Tcp();
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            { "http": "127.0.0.1:{{http}}", "media": "media", "logs": "logs", "state": "state",
              "channels": [ {
                "name": "faulty", "format": "720p50", "clock": "system",
                "card": { "driver": "hw-sim-remote", "output": 0, "settings": { "socket": "{{socket}}" } },
                "playlist": { "items": [ { "file": "clip.ts" }, { "file": "damaged.mp4" } ], "loop": true },
                "outputs": [ { "type": "card" }, { "type": "stream", "url": "air.ts", "video": "mpeg2video", "audio": "mp2" } ]
              } ] }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            using var client = service.Client();
            await service.WaitUntilServing();
            await Ticking(client, "on air");

            // The damaged clip is passed over under an alarm naming it.
            await Alarmed(client, m => m.Contains("item 2 passed over") && m.Contains("damaged.mp4"));

            ExternalTool.Run("kill", ["-STOP", card.Id.ToString()]);
            await Ticking(client, "with its card stopped", seconds: 5);
            await Alarmed(client, m => m.Contains("the card has played no frame"));
            ExternalTool.Run("kill", ["-CONT", card.Id.ToString()]);
            card.Kill();
            await Ticking(client, "with its card gone", seconds: 3);
            await Alarmed(client, m => m.Contains("the link to the card is lost"));
            Assert.Equal(0, (await Engine(client)).GetProperty("failedTicks").GetInt64());
        }
        finally
        {
            int code = service.Stop("TERM");
            Assert.True(code == 0, $"exit {code}: {await service.Errors}");
        }
        string log = ServiceLog.Read(folder.File("logs"));
        Assert.DoesNotContain("still outstanding", log);
        Assert.Contains("every channel is off air", log);
        // The file output was finished: it reads to the end, seconds long.
        string duration = ExternalTool.Run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", folder.File("air.ts")]);
        Assert.True(double.Parse(duration.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 8, $"air.ts lasts {duration}");
    }

    /// <summary>The channel goes on ticking at its rate for <paramref name="seconds"/> (nine tenths of it, on a loaded machine).</summary>
    private static async Task Ticking(HttpClient client, string when, double seconds = 1)
    {
        long before = (await Engine(client)).GetProperty("tick").GetInt64();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        long after = (await Engine(client)).GetProperty("tick").GetInt64();
        double expected = clock.Elapsed.TotalSeconds * Rate;
        Assert.True(after - before >= expected * 0.9 - 5, $"{after - before} ticks in {clock.Elapsed.TotalSeconds:0.0} s {when}");
    }

    /// <summary>Waits (10 s at most: alarms have a hold-off) for an active alarm of the channel whose message matches.</summary>
    private static async Task Alarmed(HttpClient client, Func<string, bool> match)
    {
        string[] messages = [];
        for (var limit = Stopwatch.StartNew(); limit.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(200))
        {
            messages = [.. (await Engine(client)).GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("message").GetString()!)];
            if (messages.Any(match))
                return;
        }
        Assert.Fail($"no such alarm among: {string.Join(" | ", messages)}");
    }

    private static async Task<JsonElement> Engine(HttpClient client)
    {
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1"));
        return status.RootElement.Clone();
    }

    /// <summary>The simulated card in a process of its own (`playout hwsim`), as configs/demo-remote-card.json uses it.</summary>
    private static Process Card(string socket)
    {
        string host = Repository.Built("hw-sim/Playout.HwSim.Host", "playout-hwsim.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", host, "--format", "720p50", "--socket", socket])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
