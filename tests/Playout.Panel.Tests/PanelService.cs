using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// A running service with tokens of each role and two automated channels (720p50 with a preview, 1080i59.94 without),
/// each looping two 20-second fillers; restartable on the same port and state for the reconnect test.
/// </summary>
public sealed class PanelService : IAsyncDisposable
{
    public const string Viewer = "viewer-token-0123456789", Operator = "operator-token-0123456789", Engineer = "engineer-token-0123456789";
    public const string OperatorName = "olivia", ViewerName = "wall";

    private readonly TempDirectory _folder = new();
    private readonly string _config;

    /// <param name="extraConfig">Root settings, each followed by a comma.</param>
    /// <param name="newsAutomation">Automation settings of the first channel beside its template, each after a comma.</param>
    /// <param name="day">The channels' day template (YAML) instead of the two looping fillers; its media go in <see cref="MediaFile"/>.</param>
    public PanelService(string extraConfig = "", string newsAutomation = "", string? day = null)
    {
        Directory.CreateDirectory(_folder.File("media"));
        int port = FreePorts.Tcp();
        Http = $"127.0.0.1:{port}";
        string template = _folder.Write("day.yaml", Encoding.UTF8.GetBytes(day ?? """
            date: 2026-01-01
            events:
              - id: loop
                kind: block
                loop: true
                duration: "24:00:00"
                children:
                  - { id: grey, kind: filler, title: "Grey hour", source: "#404040", duration: "00:00:20" }
                  - { id: blue, kind: filler, title: "Blue hour", source: "#203080", duration: "00:00:20" }
            """));
        _config = _folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "{{Http}}",
              "state": "state",
              "api": { "tokens": [
                { "name": "{{ViewerName}}", "token": "{{Viewer}}", "role": "viewer" },
                { "name": "{{OperatorName}}", "token": "{{Operator}}", "role": "operator" },
                { "name": "erin", "token": "{{Engineer}}", "role": "engineer" } ] },
              {{extraConfig}}
              "channels": [
                { "name": "news", "format": "720p50", "clock": "system",
                  "automation": { "template": "{{template}}", "timeZone": "Asia/Jakarta"{{newsAutomation}} },
                  "outputs": [ { "type": "preview", "width": 320, "height": 180, "perSecond": 5 } ] },
                { "name": "sport", "format": "1080i59.94", "clock": "system",
                  "automation": { "template": "{{template}}", "timeZone": "Asia/Jakarta" },
                  "outputs": [] }
              ]
            }
            """));
    }

    public string Http { get; }

    /// <summary>A path in the service's media folder.</summary>
    public string MediaFile(string name) => _folder.File(Path.Combine("media", name));
    public string Url => $"http://{Http}/";
    public ServiceProcess Process { get; private set; } = null!;

    public async Task Start()
    {
        Process = ServiceProcess.Start(_config, Http);
        await Process.WaitUntilServing();
        using var client = Client(Viewer);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await Automation(1)).TryGetProperty("onAir", out var onAir) && onAir.ValueKind == JsonValueKind.Object
                && (await Automation(2)).TryGetProperty("onAir", out var other) && other.ValueKind == JsonValueKind.Object)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the panel's service put nothing on air within 30 s");
    }

    /// <summary>kill -9, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        Process.Kill();
        Process.Dispose();
    }

    public HttpClient Client(string token) => Process.Client(token);

    public async Task<JsonElement> Automation(int channel)
    {
        using var client = Client(Viewer);
        return await client.GetFromJsonAsync<JsonElement>($"/api/channels/{channel}/automation");
    }

    /// <summary>
    /// Waits until channel <paramref name="channel"/>'s item on air has at least 4 s to run and no cut came in the last
    /// 0.6 s (the take debounce), so that an action's test sees only its own cut.
    /// </summary>
    public async Task AwayFromACut(int channel)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var onAir = (await Automation(channel)).GetProperty("onAir");
            var elapsed = TimeSpan.Parse(onAir.GetProperty("elapsed").GetString()![..8], System.Globalization.CultureInfo.InvariantCulture);
            string? remaining = onAir.GetProperty("remaining").GetString();
            if (elapsed >= TimeSpan.FromSeconds(0.6) && remaining is not null
                && TimeSpan.Parse(remaining[..8], System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromSeconds(4))
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"channel {channel} found no quiet moment in 30 s");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is { HasExited: false })
            Process.Stop();
        Process?.Dispose();
        _folder.Dispose();
        await Task.CompletedTask;
    }
}
