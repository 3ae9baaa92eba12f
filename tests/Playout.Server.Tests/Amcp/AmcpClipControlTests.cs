using System.Net.Http.Json;
using System.Text.Json;

namespace Playout.Server.Tests.Amcp;

/// <summary>
/// LOADBG AUTO, CALL, SWAP, CG, ADD/REMOVE, CINF and THUMBNAIL against the running service; who did it in status and the
/// as-run log; the automation's layer AMCP's while an operator holds it.
/// </summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpClipControlTests(AmcpService service)
{
    private async Task<JsonElement?> Layer(int number) =>
        (await service.Layers()).FirstOrDefault(l => l.GetProperty("number").GetInt32() == number) is { ValueKind: JsonValueKind.Object } layer ? layer : null;

    /// <summary>Waits until the automation's published status shows it held (or not): what AMCP's ownership reads.</summary>
    private static async Task Held(HttpClient client, bool held)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/automation"));
            if (status.RootElement.GetProperty("held").GetBoolean() == held)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the automation did not become {(held ? "held" : "released")}");
    }

    [Fact]
    public async Task A_background_loaded_auto_follows_the_clip_on_air_by_itself()
    {
        const int layer = 13;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 LOADBG OK\r\n", await amcp.Ask($"LOADBG 1-{layer} CLIP1 SEEK 75 AUTO"));
        Assert.Contains("clip1", await service.Foreground(layer), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("202 LOADBG OK\r\n", await amcp.Ask($"LOADBG 1-{layer} sub/clip2 MIX 5 AUTO"));
        Assert.True((await Layer(layer))!.Value.GetProperty("autoTake").GetBoolean());
        await service.WaitFor(layers => layers.Any(l => l.GetProperty("number").GetInt32() == layer && l.GetProperty("foreground").GetString()!.Contains("Clip2", StringComparison.Ordinal)),
            "clip2 following clip1 by itself");
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask($"CLEAR 1-{layer}"));
    }

    [Fact]
    public async Task Call_seeks_and_switches_loop_and_swap_trades_two_layers()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask("PLAY 1-14 CLIP1 LOOP"));
        Assert.Equal("202 CALL OK\r\n", await amcp.Ask("CALL 1-14 LOOP 0"));
        Assert.False((await Layer(14))!.Value.GetProperty("loops").GetBoolean());
        Assert.Equal("202 CALL OK\r\n", await amcp.Ask("CALL 1-14 LOOP"));
        Assert.True((await Layer(14))!.Value.GetProperty("loops").GetBoolean());
        Assert.Equal("202 CALL OK\r\n", await amcp.Ask("CALL 1-14 SEEK 50"));
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask("PLAY 1-15 sub/clip2"));
        Assert.Equal("202 SWAP OK\r\n", await amcp.Ask("SWAP 1-14 1-15"));
        Assert.Contains("Clip2", await service.Foreground(14), StringComparison.Ordinal);
        Assert.Contains("clip1", await service.Foreground(15), StringComparison.Ordinal);
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask("CLEAR 1-14"));
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask("CLEAR 1-15"));
    }

    [Fact]
    public async Task Cg_shows_a_picture_as_a_template_keyed_on_its_layer()
    {
        const int layer = 16;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 CG OK\r\n", await amcp.Ask($"CG 1-{layer} ADD 1 LOGO 0"));
        Assert.Null(await service.Foreground(layer));
        Assert.Equal("202 CG OK\r\n", await amcp.Ask($"CG 1-{layer} PLAY 1"));
        Assert.Equal("logo.png", await service.Foreground(layer));
        Assert.Equal("202 CG OK\r\n", await amcp.Ask($"CG 1-{layer} UPDATE 1 SLATE"));
        Assert.Equal("slate.png", await service.Foreground(layer));
        Assert.Equal("202 CG OK\r\n", await amcp.Ask($"CG 1-{layer} STOP 1"));
        Assert.Null(await service.Foreground(layer));
        Assert.Equal("202 CG OK\r\n", await amcp.Ask($"CG 1-{layer} CLEAR"));
    }

    [Fact]
    public async Task Add_sends_the_programme_to_a_udp_stream_until_remove_takes_it_off()
    {
        using var receiver = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 ADD OK\r\n", await amcp.Ask($"ADD 1-700 STREAM udp://127.0.0.1:{port}"));
        Assert.StartsWith("403 ADD FAILED channel 1 already has an output", await amcp.Ask($"ADD 1 STREAM udp://127.0.0.1:{port}"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var datagram = await receiver.ReceiveAsync(timeout.Token);
        Assert.Equal(0x47, datagram.Buffer[0]);
        Assert.Equal("202 REMOVE OK\r\n", await amcp.Ask("REMOVE 1-700"));
        Assert.Equal($"404 REMOVE FAILED channel 1 has no output udp://127.0.0.1:{port} added over AMCP\r\n", await amcp.Ask($"REMOVE 1 STREAM udp://127.0.0.1:{port}"));
    }

    [Fact]
    public async Task Cinf_and_thumbnails_come_from_the_media_library_in_the_scanners_formats()
    {
        using var amcp = new AmcpClient(service.Port);
        await service.WaitForCatalogue(amcp);
        Assert.Matches(@"^201 CINF OK\r\n""CLIP1""  MOVIE  \d+ \d{14} 100 1/25\r\n$", await amcp.Ask("CINF clip1"));
        string list = await amcp.Ask("THUMBNAIL LIST");
        Assert.Matches(@"^200 THUMBNAIL LIST OK\r\n(""[A-Z0-9/]+"" \d{8}T\d{6} \d+\r\n)+\r\n$", list);
        Assert.Contains("\"SUB/CLIP2\" ", list);
        string thumbnail = await amcp.Ask("THUMBNAIL RETRIEVE sub/clip2");
        Assert.StartsWith("201 THUMBNAIL RETRIEVE OK\r\n", thumbnail);
        byte[] jpeg = Convert.FromBase64String(thumbnail.Split("\r\n")[1]);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Contains($"\"SUB/CLIP2\" ", list.Split("\r\n").Single(l => l.StartsWith("\"SUB/CLIP2\"", StringComparison.Ordinal)) + jpeg.Length);
    }

    [Fact]
    public async Task Who_drove_a_layer_shows_in_status_and_the_as_run_log_and_the_automations_layer_is_amcps_while_held()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask("PLAY 1-17 CLIP1"));
        var layer = (await Layer(17))!.Value;
        Assert.Matches(@"^amcp:127\.0\.0\.1:\d+$", layer.GetProperty("drivenBy").GetString());
        using var client = service.Service.Client(service.Token);
        string asRun = await client.GetStringAsync($"/api/channels/1/asrun/{AmcpService.AsRunDay}");
        Assert.Contains("\"status\":\"operator\"", asRun.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("play clip1.mp4 on layer 17", asRun);
        Assert.Equal("202 STOP OK\r\n", await amcp.Ask("STOP 1-17"));

        Assert.StartsWith("403 PLAY FAILED", await amcp.Ask($"PLAY 1-{AmcpService.AutomationLayer} CLIP1"));
        (await client.PostAsync("/api/channels/1/hold", null)).EnsureSuccessStatusCode();
        await Held(client, true);
        try
        {
            Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{AmcpService.AutomationLayer} CLIP1 LOOP"));
            Assert.Contains("clip1", await service.Foreground(AmcpService.AutomationLayer), StringComparison.Ordinal);
        }
        finally
        {
            (await client.PostAsync("/api/channels/1/release", null)).EnsureSuccessStatusCode();
            await Held(client, false);
        }
        Assert.StartsWith("403 STOP FAILED", await amcp.Ask($"STOP 1-{AmcpService.AutomationLayer}"));
    }
}
