using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// A radio channel in the service, as a station runs one: a looping rotation of catalogued songs, each running from its
/// cue-in to its segue with the next mixing in over its tail, to Icecast (Debian's icecast2, titled with each song) and
/// HLS (one sound-only rendition, served); a song that goes silent brings the fallback folder on air until the next
/// song; markers are found by the library's scan and set over the API; a device with nowPlaying is sent each title; an
/// operator holds the failover over the API and releases it.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class RadioChannelTests
{
    [Fact]
    public async Task A_rotation_of_songs_mixes_to_icecast_and_hls_and_dead_air_brings_the_fallback_until_the_next_song()
    {
        using var icecast = new IcecastServer();
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media/fallback"));
        // Songs: 0.3 s of silence, 2.2 s at -10 dBFS, a 1.5 s fade at -30 dBFS: cue-in 0.3 s, segue 2.5 s, cue-out 4 s.
        foreach (var (name, hz) in new[] { ("one", 440), ("two", 660) })
            Song(folder.File($"media/{name}.wav"), $"sin(2*PI*{hz}*t)*(0.316*between(t,0.3,2.4999)+0.0316*between(t,2.5,3.9999))", 4.5);
        // Dead air: half a second of sound, four of silence, half a second of sound (the scan trims silence only at the ends).
        Song(folder.File("media/dead.wav"), "sin(2*PI*550*t)*0.316*(between(t,0,0.4999)+between(t,4.5,4.9999))", 5);
        Song(folder.File("media/fallback/bed.wav"), "sin(2*PI*880*t)*0.1", 30);
        folder.Write("rotation.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - id: rotation
                kind: block
                loop: true
                duration: "23:59:00"
                children:
                  - { id: one, kind: clip, source: one.wav, title: "Song one" }
                  - { id: two, kind: clip, source: two.wav, title: "Bài hát hai", mix: "00:00:01" }
                  - { id: dead, kind: clip, source: dead.wav, title: "Dead air", mix: "00:00:00.5" }
            """));
        int http = FreePorts.Tcp();
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "state": "state",
              "logs": "logs",
              "devices": [ { "name": "rds", "driver": "log", "nowPlaying": 1 } ],
              "channels": [
                { "name": "radio 1", "format": "radio", "clock": "system",
                  "automation": { "template": "rotation.yaml", "timeZone": "UTC", "dayStart": "00:00", "fallback": "fallback" },
                  "outputs": [
                    { "type": "icecast", "url": "{{icecast.Mount("/radio.mp3")}}", "password": "{{IcecastServer.SourcePassword}}", "audio": "mp3", "station": "Radio Test" },
                    { "type": "hls", "folder": "state/hls", "segmentSeconds": 2 } ] }
              ]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            await service.WaitUntilServing();
            using var client = service.Client();

            var titles = new HashSet<string>();
            bool fellBack = false, backFromFallback = false;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && !(titles.IsSupersetOf(["Song one", "Bài hát hai", "Dead air"]) && backFromFallback))
            {
                if ((await icecast.SourceStats("/radio.mp3"))?.Element("title")?.Value is { } title)
                    titles.Add(title);
                using var status = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/automation"));
                var emergency = status.RootElement.GetProperty("emergency");
                if (emergency.ValueKind == JsonValueKind.Object)
                {
                    Assert.Equal(("fallback", "silence failover"), (emergency.GetProperty("to").GetString(), emergency.GetProperty("who").GetString()));
                    fellBack = true;
                }
                else if (fellBack)
                    backFromFallback = true;
                await Task.Delay(200);
            }
            Assert.True(titles.IsSupersetOf(["Song one", "Bài hát hai", "Dead air"]), $"Icecast's titles: {string.Join(", ", titles)}");
            Assert.True(fellBack && backFromFallback, $"fell back: {fellBack}, back: {backFromFallback}");

            string playlist = await client.GetStringAsync("/api/channels/1/hls/master.m3u8");
            Assert.Contains("CODECS=\"mp4a.40.2\"\naudio/index.m3u8", playlist);
            Assert.Contains("#EXTINF:", await client.GetStringAsync("/api/channels/1/hls/audio/index.m3u8"));

            using var media = JsonDocument.Parse(await client.GetStringAsync("/api/media?search=one"));
            var markers = media.RootElement.GetProperty("items")[0].GetProperty("markers");
            Assert.Equal(("00:00:00.3000000", "00:00:02.5000000", "00:00:04"), (markers.GetProperty("cueIn").GetString(),
                markers.GetProperty("segue").GetString(), markers.GetProperty("cueOut").GetString()));
            using var engineer = service.Client(File.ReadAllText(folder.File("state/api-token")).Trim());
            var set = await engineer.PutAsJsonAsync("/api/media/markers?path=one.wav", new { intro = 1.25, segue = 2.25 });
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
            using var entry = JsonDocument.Parse(await set.Content.ReadAsStringAsync());
            Assert.Equal(("00:00:01.2500000", "00:00:02.2500000"), (entry.RootElement.GetProperty("markers").GetProperty("intro").GetString(),
                entry.RootElement.GetProperty("markers").GetProperty("segue").GetString()));
            var refused = await engineer.PutAsJsonAsync("/api/media/markers?path=one.wav", new { segue = 9.0 });
            Assert.Equal(400, (int)refused.StatusCode);
            Assert.Contains("segue: 00:00:09 is not within the file", await refused.Content.ReadAsStringAsync());
            var huge = await engineer.PutAsJsonAsync("/api/media/markers?path=one.wav", new { segue = 1e308 });
            Assert.Equal(400, (int)huge.StatusCode);
            using var problem = JsonDocument.Parse(await huge.Content.ReadAsStringAsync());
            Assert.Equal("\"segue\" must be a number of seconds from the file's start, or null", problem.RootElement.GetProperty("detail").GetString());
            Assert.Equal(401, (int)(await client.PutAsJsonAsync("/api/media/markers?path=one.wav", new { intro = 1.0 })).StatusCode);

            // Intended silence: an operator holds the failover, and the status says until when; then releases it.
            var hold = await engineer.PostAsync("/api/channels/1/fallback/hold?minutes=2", null);
            Assert.True(hold.IsSuccessStatusCode, await hold.Content.ReadAsStringAsync());
            using (var held = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/automation")))
                Assert.Equal(JsonValueKind.String, held.RootElement.GetProperty("fallbackHeldUntil").ValueKind);
            Assert.Equal(400, (int)(await engineer.PostAsync("/api/channels/1/fallback/hold?minutes=999", null)).StatusCode);
            Assert.Equal(401, (int)(await client.PostAsync("/api/channels/1/fallback/hold?minutes=1", null)).StatusCode);
            Assert.True((await engineer.PostAsync("/api/channels/1/fallback/release", null)).IsSuccessStatusCode);
            Assert.Equal(409, (int)(await engineer.PostAsync("/api/channels/1/fallback/release", null)).StatusCode);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
        // The now-playing device was sent every title as its item aired.
        string log = await service.Output;
        foreach (string title in new[] { "Song one", "Bài hát hai", "Dead air" })
            Assert.Contains($"device rds: text text={title}", log);
    }

    /// <summary>A stereo 48 kHz WAV of the expression, for the given seconds.</summary>
    private static void Song(string path, string expression, double seconds) =>
        Ffmpeg.Run("-f", "lavfi", "-i", $"aevalsrc=exprs='{expression}':s=48000:d={seconds.ToString(CultureInfo.InvariantCulture)}", "-ac", "2", path);
}
