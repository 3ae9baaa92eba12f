using System.Text.Json;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>The real client Sofie uses, casparcg-connection from npm, against the service: it connects, reads our replies and errors.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class CasparcgConnectionTests(AmcpService service)
{
    [CasparcgConnectionFact]
    public void Casparcg_connection_reads_version_info_cls_plays_stops_and_gets_the_error_codes()
    {
        string script = Repository.File("tests/Playout.Server.Tests/Amcp/casparcg-connection.js");
        var result = ExternalTool.Execute("node", [script, service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout: TimeSpan.FromMinutes(1),
            environment: new Dictionary<string, string> { ["NODE_PATH"] = Path.Combine(CasparcgConnectionFactAttribute.Folder, "node_modules") });
        Assert.True(result.ExitCode == 0, result.Error);
        var steps = JsonDocument.Parse(result.OutputText).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        Assert.Equal(201, Code(steps["version"]));
        Assert.StartsWith("2.3.0 Playout", steps["version"].GetProperty("data").GetProperty("fullVersion").GetString());
        Assert.Equal(200, Code(steps["info"]));
        Assert.Equal(200, Code(steps["cls"]));
        var clip = steps["cls"].GetProperty("data").EnumerateArray().First(c => c.GetProperty("clip").GetString() == "CLIP1");
        Assert.Equal(("MOVIE", 100, 25), (clip.GetProperty("type").GetString(), clip.GetProperty("frames").GetInt32(), clip.GetProperty("framerate").GetInt32()));
        foreach (var step in (string[])["loadbg", "play", "stop", "clear"])
            Assert.True(Code(steps[step]) == 202, $"{step}: {steps[step]}");
        Assert.Equal((404, "ERROR"), (Code(steps["missing"]), steps["missing"].GetProperty("type").GetString()));
        Assert.Equal(403, Code(steps["automation"]));
        Assert.Equal(401, Code(steps["channel"]));
    }

    private static int Code(JsonElement step) =>
        step.TryGetProperty("code", out var code) ? code.GetInt32() : throw new Xunit.Sdk.XunitException($"{step}");
}
