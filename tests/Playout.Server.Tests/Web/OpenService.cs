using System.Text;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// One running service with no tokens configured (as `./playout run` starts it), an automated channel, small body
/// limits, two stream places and one extra allowed host name: shared by the tests of its web front.
/// </summary>
public sealed class OpenService : IAsyncLifetime
{
    public const int MaxBody = 4096, MaxFileBody = 16384, MaxStreams = 2;
    public const string AllowedHost = "playout.example";

    private readonly TempDirectory _folder = new();

    public ServiceProcess Service { get; private set; } = null!;
    public string StatePath => _folder.File("state");
    public string LocalToken => File.ReadAllText(Path.Combine(StatePath, "api-token")).Trim();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder.File("media"));
        int port = FreePorts.Tcp();
        string template = _folder.Write("template.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - { id: all-day, kind: filler, source: "#404040", duration: "23:59:59" }
            """));
        string config = _folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "api": { "allowedHosts": [ "{{AllowedHost}}" ], "maxBodyBytes": {{MaxBody}}, "maxFileBodyBytes": {{MaxFileBody}}, "maxStreamClients": {{MaxStreams}} },
              "channels": [{
                "name": "open channel",
                "format": "576i50",
                "clock": "system",
                "automation": { "template": "{{template}}", "timeZone": "UTC" },
                "outputs": []
              }]
            }
            """));
        Service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        await Service.WaitUntilServing();
        await WaitUntilOnAir();
    }

    /// <summary>The web front answers before the channel is on air (it listens first): tests that act on air wait for its first item.</summary>
    private async Task WaitUntilOnAir()
    {
        using var client = Service.Client();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var answer = await client.GetAsync("/api/channels/1/automation");
            if (answer.IsSuccessStatusCode && System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync())
                    .RootElement.TryGetProperty("onAir", out var onAir) && onAir.ValueKind == System.Text.Json.JsonValueKind.Object)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the open service's channel put nothing on air within 30 s");
    }

    public Task DisposeAsync()
    {
        int code = Service.Stop();
        Service.Dispose();
        _folder.Dispose();
        Assert.Equal(0, code);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class OpenServiceCollection : ICollectionFixture<OpenService>
{
    public const string Name = "open service";
}
