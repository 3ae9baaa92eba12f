using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playout.Server.Tests.Amcp;

/// <summary>AMCP's layer commands reach air through the channel command path; files stay inside the media roots; the automation's layer is not AMCP's.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpLayerTests(AmcpService service)
{
    private const int Layer = 5;

    [Fact]
    public async Task Play_puts_a_clip_named_in_any_case_without_extension_on_air_and_stop_takes_it_off()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("RES 1 202 PLAY OK\r\n", await amcp.Ask($"REQ 1 PLAY 1-{Layer} Clip1 LOOP"));
        Assert.Contains("clip1", await service.Foreground(Layer), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("202 PAUSE OK\r\n", await amcp.Ask($"PAUSE 1-{Layer}"));
        Assert.Equal("202 RESUME OK\r\n", await amcp.Ask($"RESUME 1-{Layer}"));
        Assert.Equal("202 STOP OK\r\n", await amcp.Ask($"STOP 1-{Layer}"));
        Assert.Null(await service.Foreground(Layer));
        Assert.Matches($@"AMCP 127\.0\.0\.1:\d+: REQ 1 PLAY 1-{Layer} Clip1 LOOP -> 202 PLAY OK", service.Log());
    }

    [Fact]
    public async Task Loadbg_waits_behind_the_layer_until_play_takes_it_with_a_mix_and_a_clip_in_a_folder_is_named_by_its_path()
    {
        const int layer = 6;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 LOADBG OK\r\n", await amcp.Ask($"LOADBG 1-{layer} \"sub/CLIP2\" SEEK 25 LENGTH 50"));
        var loaded = (await service.Layers()).Single(l => l.GetProperty("number").GetInt32() == layer);
        Assert.Equal(JsonValueKind.Null, loaded.GetProperty("foreground").ValueKind);
        Assert.Contains("clip2", loaded.GetProperty("background").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer}"));
        Assert.Contains("clip2", await service.Foreground(layer), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer} CLIP1 MIX 10"));
        Assert.Contains("clip1", await service.Foreground(layer), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask($"CLEAR 1-{layer}"));
        Assert.Null(await service.Foreground(layer));
    }

    [Fact]
    public async Task Load_holds_the_first_frame_on_air_until_play_starts_it()
    {
        const int layer = 9;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 LOAD OK\r\n", await amcp.Ask($"LOAD 1-{layer} clip1"));
        Assert.Contains("clip1", await service.Foreground(layer), StringComparison.OrdinalIgnoreCase);
        long held = await Position(layer);
        await Task.Delay(400);
        Assert.Equal(held, await Position(layer));
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer}"));
        await service.WaitFor(layers => layers.Any(l => l.GetProperty("number").GetInt32() == layer && l.GetProperty("position").GetInt64() > held + 2), "the loaded clip playing");
        Assert.Equal("202 STOP OK\r\n", await amcp.Ask($"STOP 1-{layer}"));
    }

    private async Task<long> Position(int layer) =>
        (await service.Layers()).Single(l => l.GetProperty("number").GetInt32() == layer).GetProperty("position").GetInt64();

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../clip1")]
    [InlineData("../media/../../clip1")]
    public async Task A_name_that_leads_out_of_the_media_roots_is_refused_and_nothing_is_loaded(string name)
    {
        const int layer = 7;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal($"403 PLAY FAILED '{name}' is outside the media roots\r\n", await amcp.Ask($"PLAY 1-{layer} \"{name}\""));
        Assert.Equal($"403 LOADBG FAILED '{name}' is outside the media roots\r\n", await amcp.Ask($"LOADBG 1-{layer} \"{name}\""));
        var state = (await service.Layers()).FirstOrDefault(l => l.GetProperty("number").GetInt32() == layer);
        Assert.True(state.ValueKind == JsonValueKind.Undefined || state.GetProperty("foreground").ValueKind == JsonValueKind.Null && state.GetProperty("background").ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [InlineData("PLAY 1-10 CLIP1", "PLAY")]
    [InlineData("LOAD 1-10 CLIP1", "LOAD")]
    [InlineData("STOP 1-10", "STOP")]
    [InlineData("CLEAR 1-10", "CLEAR")]
    [InlineData("PLAY 1-20 CLIP1", "PLAY")]
    public async Task The_automation_layers_are_refused_to_amcp_with_the_reason_and_stay_on_air(string line, string verb)
    {
        using var amcp = new AmcpClient(service.Port);
        string before = (await service.Foreground(AmcpService.AutomationLayer))!;
        string reply = await amcp.Ask(line);
        Assert.Matches($@"^403 {verb} FAILED layer 1-(10|20) is run by the channel's schedule automation \(its (primary|graphics) layer\); AMCP may drive it while an operator holds the automation, and other layers at any time\r\n$", reply);
        Assert.Equal(before, await service.Foreground(AmcpService.AutomationLayer));
    }

    [Fact]
    public async Task Clear_of_a_channel_empties_amcps_layers_and_leaves_the_automation_on_air()
    {
        const int layer = 8;
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("202 PLAY OK\r\n", await amcp.Ask($"PLAY 1-{layer} CLIP1"));
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask("CLEAR 1"));
        Assert.Null(await service.Foreground(layer));
        Assert.NotNull(await service.Foreground(AmcpService.AutomationLayer));
    }

    [Fact]
    public async Task Cls_lists_the_library_in_the_media_scanners_line_format()
    {
        using var amcp = new AmcpClient(service.Port);
        await service.WaitForCatalogue(amcp);
        string listing = await amcp.Ask("CLS");
        Assert.StartsWith("200 CLS OK\r\n", listing);
        Assert.EndsWith("\r\n\r\n", listing);
        // broken.png (text, for the CG tests) is one FFmpeg opens as a one-frame movie; it is not looked at here.
        string[] lines = listing.Split("\r\n")[1..^2].Where(l => !l.StartsWith("\"BROKEN\"", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 4, listing);
        long size = new FileInfo(Path.Combine(service.MediaFolder, "clip1.mp4")).Length;
        Assert.Matches($@"^""CLIP1""  MOVIE  {size} \d{{14}} 100 1/25$", lines[0]);
        Assert.Matches($@"^""SUB/CLIP2""  MOVIE  {size} \d{{14}} 100 1/25$", lines[1]);
        Assert.Matches($@"^""LOGO""  STILL  {new FileInfo(Path.Combine(service.MediaFolder, "logo.png")).Length} \d{{14}} 0 0/1$", lines[2]);
        Assert.StartsWith("\"SLATE\"  STILL  ", lines[3]);
        var stamp = Regex.Match(lines[0], @" (\d{14}) ").Groups[1].Value;
        Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(service.MediaFolder, "clip1.mp4")).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture), stamp);
    }
}
