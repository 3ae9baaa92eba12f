using System.Text.Json;

namespace Playout.Server.Tests.Amcp;

/// <summary>MIXER on our mixer: opacity and volume set and read back, picture-in-picture fill, deferred changes committed on one tick, clear.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpMixerTests(AmcpService service)
{
    private const int Layer = 12;

    private async Task<JsonElement> State() => (await service.Layers()).Single(l => l.GetProperty("number").GetInt32() == Layer);

    [Fact]
    public async Task Opacity_and_volume_are_set_read_back_deferred_until_commit_and_cleared()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{Layer} CLIP1 LOOP"));
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask($"MIXER 1-{Layer} OPACITY 0.5"));
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask($"MIXER 1-{Layer} VOLUME 0.25 2 LINEAR"));
        await service.WaitFor(_ => State().Result.GetProperty("volume").GetDouble() == 0.25, "the volume ramped to 0.25");
        Assert.Equal(0.5, (await State()).GetProperty("opacity").GetDouble());
        Assert.Equal("201 MIXER OK\r\n0.5\r\n", await amcp.Ask($"MIXER 1-{Layer} OPACITY"));
        Assert.Equal("201 MIXER OK\r\n0.25\r\n", await amcp.Ask($"MIXER 1-{Layer} VOLUME"));

        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask($"MIXER 1-{Layer} OPACITY 0.75 DEFER"));
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask($"MIXER 1-{Layer} FILL 0.5 0.5 0.5 0.5 0 DEFER"));
        await Task.Delay(200);
        Assert.Equal(0.5, (await State()).GetProperty("opacity").GetDouble());
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask("MIXER 1 COMMIT"));
        Assert.Equal(0.75, (await State()).GetProperty("opacity").GetDouble());
        using var client = service.Service.Client(service.Token);
        string asRun = await client.GetStringAsync($"/api/channels/1/asrun/{AmcpService.AsRunDay}");
        Assert.True(asRun.Contains($"mixer commit: opacity 0.75 over 0 frames on layer {Layer}; fill at (360, 288) at 1/2 size on layer {Layer}", StringComparison.Ordinal),
            string.Join("\n", asRun.Split('\n').Where(l => l.Contains("mixer", StringComparison.Ordinal))));

        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask($"MIXER 1-{Layer} OPACITY 0.25 10"));
        await service.WaitFor(_ => State().Result.GetProperty("opacity").GetDouble() == 0.25, "the opacity ramped to 0.25");
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask("MIXER 1 CLEAR"));
        await service.WaitFor(_ => State().Result.GetProperty("volume").GetDouble() == 1, "the volume back to 1");
        Assert.Equal(1, (await State()).GetProperty("opacity").GetDouble());
        Assert.Equal("202 STOP OK\r\n", await amcp.Ask($"STOP 1-{Layer}"));
    }
}
