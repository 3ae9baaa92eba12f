using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The plain status page (/status.html) shows each channel's failed and degraded ticks, alarms, loudness and probes, from the fields the status API gives.</summary>
[Collection(OpenServiceCollection.Name)]
public class StatusPageTests(OpenService open)
{
    [Fact]
    public async Task The_page_reads_the_channels_failed_and_degraded_ticks_and_alarms_that_the_status_carries()
    {
        using var client = open.Service.Client();
        string page = await client.GetStringAsync("/status.html");
        foreach (string hook in (string[])["c.failedTicks", "c.degraded", "c.alarms", "id=\"ticks-${i}\"", "id=\"alarms-${i}\"", "c.loudness.meters", "c.probes"])
            Assert.Contains(hook, page);

        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        var engine = status.RootElement.GetProperty("channels")[0].GetProperty("engine");
        Assert.Equal(JsonValueKind.Number, engine.GetProperty("failedTicks").ValueKind);
        Assert.Equal(["AudioSilenced", "LayersDropped", "TransitionCut"],
            engine.GetProperty("degraded").EnumerateObject().Select(kind => kind.Name).Order());
        Assert.Equal(JsonValueKind.Array, engine.GetProperty("alarms").ValueKind);
        Assert.Equal(JsonValueKind.Array, engine.GetProperty("loudness").GetProperty("meters").ValueKind);
        Assert.Equal(JsonValueKind.Object, engine.GetProperty("probes").GetProperty("silence").ValueKind);
    }
}
