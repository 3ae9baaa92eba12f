using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>
/// The real client Sofie uses, casparcg-connection from npm, against the service: it connects, reads our replies, XML and
/// errors. <c>./playout test</c> installs the client into .playout/node first (docs/AMCP.md "Tests").
/// </summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class CasparcgConnectionTests(AmcpService service)
{
    public const string Version = "6.3.3";

    /// <summary>Where ./playout installs the client (node_modules under it).</summary>
    public static string Folder => Repository.File(".playout/node");

    [Fact]
    public async Task Casparcg_connection_reads_version_info_cls_plays_mixes_stops_and_gets_the_error_codes()
    {
        string package = Path.Combine(Folder, "node_modules", "casparcg-connection", "package.json");
        Assert.True(File.Exists(package), $"casparcg-connection {Version} is not installed in {Folder}: ./playout test installs it with npm");
        Assert.Equal(Version, JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString());
        using (var amcp = new AmcpClient(service.Port))
            await service.WaitForCatalogue(amcp);
        string script = Repository.File("tests/Playout.Server.Tests/Amcp/casparcg-connection.js");
        var result = ExternalTool.Execute("node", [script, service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout: TimeSpan.FromMinutes(1),
            environment: new Dictionary<string, string> { ["NODE_PATH"] = Path.Combine(Folder, "node_modules") });
        Assert.True(result.ExitCode == 0, result.Error);
        var steps = JsonDocument.Parse(result.OutputText).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        Assert.Equal(201, Code(steps["version"]));
        Assert.StartsWith("2.3.0 Playout", steps["version"].GetProperty("data").GetProperty("fullVersion").GetString());
        Assert.Equal(200, Code(steps["info"]));
        Assert.Equal(200, Code(steps["cls"]));
        var clip = steps["cls"].GetProperty("data").EnumerateArray().First(c => c.GetProperty("clip").GetString() == "CLIP1");
        Assert.Equal(("MOVIE", 100, 25), (clip.GetProperty("type").GetString(), clip.GetProperty("frames").GetInt32(), clip.GetProperty("framerate").GetInt32()));
        Assert.Equal(201, Code(steps["cinf"]));
        Assert.Equal("CLIP1", steps["cinf"].GetProperty("data").GetProperty("clip").GetString());
        foreach (var step in (string[])["loadbg", "play", "mixerOpacity", "mixerVolume", "mixerFill", "mixerClear", "call", "stop", "clear"])
            Assert.True(Code(steps[step]) == 202, $"{step}: {steps[step]}");

        // The client parses INFO's XML into the channel's frame rate, audio levels and layers.
        var channel = steps["infoChannel"].GetProperty("data").GetProperty("channel");
        Assert.Equal(25, channel.GetProperty("framerate").GetInt32());
        Assert.Equal(16, channel.GetProperty("mixer").GetProperty("audio").GetProperty("volumes").GetArrayLength());
        var layers = channel.GetProperty("layers").EnumerateArray().ToList();
        var four = layers.Single(l => l.GetProperty("layer").GetInt32() == 4);
        Assert.Equal("ffmpeg", four.GetProperty("foreground").GetProperty("producer")[0].GetString());
        Assert.Contains(layers, l => l.GetProperty("layer").GetInt32() == AmcpService.AutomationLayer);
        var layer = steps["infoLayer"].GetProperty("data").GetProperty("channel").GetProperty("layers").EnumerateArray().Single();
        Assert.Equal(4, layer.GetProperty("layer").GetInt32());

        Assert.Equal((501, "FAILED"), (Code(steps["mixerBrightness"]), steps["mixerBrightness"].GetProperty("type").GetString()));
        Assert.Equal((404, "ERROR"), (Code(steps["missing"]), steps["missing"].GetProperty("type").GetString()));
        Assert.Equal(403, Code(steps["automation"]));
        Assert.Equal(401, Code(steps["channel"]));
        Assert.Equal(402, Code(steps["missingParameter"]));
    }

    private static int Code(JsonElement step) =>
        step.TryGetProperty("code", out var code) ? code.GetInt32() : throw new Xunit.Sdk.XunitException($"{step}");
}
