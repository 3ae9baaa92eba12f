using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The channel's probe state is in /api/status: the open channel's filler is silent, so silence shows after 2 s.</summary>
[Collection(OpenServiceCollection.Name)]
public class ProbeStatusTests(OpenService open)
{
    [Fact]
    public async Task The_status_carries_black_freeze_and_silence_with_since_when()
    {
        using var client = open.Service.Client();
        JsonElement probes = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
            probes = status.RootElement.GetProperty("channels")[0].GetProperty("engine").GetProperty("probes").Clone();
            if (probes.GetProperty("silence").GetProperty("active").GetBoolean())
                break;
        }
        var silence = probes.GetProperty("silence");
        Assert.True(silence.GetProperty("active").GetBoolean(), probes.ToString());
        Assert.Equal(JsonValueKind.String, silence.GetProperty("since").ValueKind);
        // The filler is grey (#404040), not black.
        Assert.False(probes.GetProperty("black").GetProperty("active").GetBoolean(), probes.ToString());
        Assert.Equal(JsonValueKind.Null, probes.GetProperty("black").GetProperty("since").ValueKind);
    }
}
