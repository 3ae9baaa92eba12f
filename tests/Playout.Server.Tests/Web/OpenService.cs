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
