using System.Net;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The operator panel's read side over REST: the automation status's frame rate and clocks, and the rundown.</summary>
[Collection(OpenServiceCollection.Name)]
public class RundownEndpointTests(OpenService open)
{
    [Fact]
    public async Task The_status_carries_the_frame_rate_and_clocks_and_the_rundown_lists_the_item_on_air_with_its_state()
    {
        using var client = open.Service.Client();
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/automation"));
        var root = status.RootElement;
        Assert.Equal((25, 1), (root.GetProperty("frameRate").GetProperty("num").GetInt32(), root.GetProperty("frameRate").GetProperty("den").GetInt32()));
        var clocks = root.GetProperty("clocks");
        // A day-long filler from a template: nothing fixed, manual or a break ahead, and the template never runs out.
        foreach (var clock in new[] { "nextFixed", "nextManual", "nextBreak", "endOfAutomation" })
            Assert.True(clocks.GetProperty(clock).ValueKind == JsonValueKind.Null, $"{clock}: {clocks}");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("emergency").ValueKind);
        Assert.True(root.GetProperty("graphicsOn").GetBoolean());

        using var rundown = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/rundown"));
        Assert.Equal("open channel", rundown.RootElement.GetProperty("channel").GetString());
        Assert.True(rundown.RootElement.GetProperty("tick").GetInt64() > 0);
        var onAir = rundown.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("state").GetString() == "onair");
        Assert.Equal(("all-day", "filler", "follow", false), (onAir.GetProperty("id").GetString(), onAir.GetProperty("kind").GetString(),
            onAir.GetProperty("startMode").GetString(), onAir.GetProperty("isBreak").GetBoolean()));
        Assert.Matches(@"^\d\d:\d\d:\d\d:\d\d$", onAir.GetProperty("start").GetString());
        Assert.Equal(0, onAir.GetProperty("secondaries").GetArrayLength());

        var bad = await client.GetAsync("/api/channels/1/rundown?hours=49");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("hours must be 1 to 48; got 49", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/channels/7/rundown")).StatusCode);
    }
}
