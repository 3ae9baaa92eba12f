using System.Net;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The panel's own endpoints on the open service: its page and files, its settings, its one stream of every channel and the alarms.</summary>
[Collection(OpenServiceCollection.Name)]
public class PanelEndpointTests(OpenService open)
{
    [Fact]
    public async Task The_page_and_its_modules_are_served_from_the_executable_and_kept_to_their_own_origin()
    {
        using var client = open.Service.Client();
        using var page = await client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/panel/app.js\"></script>", html);
        Assert.DoesNotContain("https://", html);
        foreach (string file in (string[])["app.js", "api.js", "i18n.js", "timecode.js", "panel.css"])
        {
            using var answer = await client.GetAsync("/panel/" + file);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.DoesNotContain("https://", await answer.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/panel/nothing.js")).StatusCode);
        Assert.Contains("the panel has no file 'nothing.js'", await (await client.GetAsync("/panel/nothing.js")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_settings_name_the_caller_its_role_the_languages_the_keys_and_the_channels()
    {
        using var anonymous = open.Service.Client();
        using (var settings = JsonDocument.Parse(await anonymous.GetStringAsync("/api/panel")))
        {
            var root = settings.RootElement;
            Assert.Equal(["en", "vi", "zh-CN", "id"], root.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal("Space", root.GetProperty("shortcuts").GetProperty("take").GetString());
            Assert.Equal(500, root.GetProperty("takeDebounceMs").GetInt32());
            Assert.Equal(("anonymous", "viewer"), (root.GetProperty("caller").GetProperty("name").GetString(), root.GetProperty("caller").GetProperty("role").GetString()));
            Assert.Equal("UTC", root.GetProperty("station").GetProperty("timeZone").GetString());
            var channel = Assert.Single(root.GetProperty("channels").EnumerateArray());
            Assert.Equal(("open channel", true, false), (channel.GetProperty("name").GetString(), channel.GetProperty("automated").GetBoolean(), channel.GetProperty("hasPreview").GetBoolean()));
        }
        using var engineer = open.Service.Client(open.LocalToken);
        using var signedIn = JsonDocument.Parse(await engineer.GetStringAsync("/api/panel"));
        Assert.Equal(("local", "engineer"), (signedIn.RootElement.GetProperty("caller").GetProperty("name").GetString(),
            signedIn.RootElement.GetProperty("caller").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task One_stream_carries_the_alarms_first_then_every_channels_status_with_its_frame_rate_and_tick()
    {
        var events = await Read(3);
        Assert.Equal("alarms", events[0].Name);
        Assert.Equal(JsonValueKind.Array, events[0].Data.GetProperty("listed").ValueKind);
        Assert.Equal(JsonValueKind.Array, events[0].Data.GetProperty("history").ValueKind);
        var updates = events.Where(e => e.Name == "update").Select(e => Assert.Single(e.Data.GetProperty("channels").EnumerateArray())).ToArray();
        Assert.All(updates, c => Assert.Equal((25, 1), (c.GetProperty("frameRate").GetProperty("num").GetInt32(), c.GetProperty("frameRate").GetProperty("den").GetInt32())));
        Assert.All(updates, c => Assert.Equal("open channel", c.GetProperty("automation").GetProperty("channel").GetString()));
        long[] ticks = [.. updates.Select(c => c.GetProperty("automation").GetProperty("tick").GetInt64())];
        Assert.True(ticks[2] > ticks[0], $"the ticks did not move on: {string.Join(", ", ticks)}");
        Assert.True(updates[0].GetProperty("engine").GetProperty("running").GetBoolean());
    }

    /// <summary>The stream's events until <paramref name="updates"/> updates have come (its place waited for: other tests' streams free theirs at their next update).</summary>
    private async Task<List<(string Name, JsonElement Data)>> Read(int updates)
    {
        // Not drained when let go (the default reads on up to 1 MB for 2 s to keep the connection): the place frees at once.
        var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = new Uri(open.Service.Url), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var response = await client.GetAsync("/api/panel/stream", HttpCompletionOption.ResponseHeadersRead);
        while (response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
        {
            response.Dispose();
            await Task.Delay(100);
            response = await client.GetAsync("/api/panel/stream", HttpCompletionOption.ResponseHeadersRead);
        }
        var events = new List<(string Name, JsonElement Data)>();
        using (client)
        using (response)
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            string? name = null;
            while (events.Count(e => e.Name == "update") < updates)
            {
                string line = await reader.ReadLineAsync() ?? throw new EndOfStreamException("the stream ended");
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                    name = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    events.Add((name!, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
            }
        }
        // The service frees the place at its next update (80 ms); the tests after this one have both places again.
        await Task.Delay(300);
        return events;
    }
}
