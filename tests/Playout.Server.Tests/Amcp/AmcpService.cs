using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>
/// One running service with AMCP on a free loopback port, an automated channel (schedule on layer 10) and two clips in
/// its media folder (clip1.mp4 at the top, Sub/Clip2.mp4 in a folder): shared by the AMCP tests.
/// </summary>
public sealed class AmcpService : IAsyncLifetime
{
    public const int AutomationLayer = 10;

    private readonly TempDirectory _folder = new();

    public ServiceProcess Service { get; private set; } = null!;
    public int Port { get; private set; }
    public string MediaFolder => _folder.File("media");

    public async Task InitializeAsync()
    {
        string media = MediaFolder;
        Directory.CreateDirectory(Path.Combine(media, "Sub"));
        // 4 s at 25 fps: 100 frames.
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc=size=720x576:rate=25:duration=4", "-f", "lavfi", "-i", "sine=duration=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(media, "clip1.mp4"));
        File.Copy(Path.Combine(media, "clip1.mp4"), Path.Combine(media, "Sub", "Clip2.mp4"));
        int http = FreePorts.Tcp();
        Port = FreePorts.Tcp();
        string template = _folder.Write("template.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - { id: all-day, kind: filler, source: "#404040", duration: "23:59:59" }
            """));
        string config = _folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "state": "state",
              "media": "media",
              "amcp": { "enabled": true, "listen": "127.0.0.1:{{Port}}" },
              "channels": [{
                "name": "amcp channel",
                "format": "576i50",
                "clock": "system",
                "automation": { "template": "{{template}}", "timeZone": "UTC", "layer": {{AutomationLayer}} },
                "outputs": []
              }]
            }
            """));
        Service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        await Service.WaitUntilServing();
        await WaitFor(layers => layers.Any(l => l.GetProperty("number").GetInt32() == AutomationLayer && l.GetProperty("foreground").ValueKind == JsonValueKind.String),
            "the automation's layer on air");
    }

    /// <summary>What the service has logged so far (its daily log files).</summary>
    public string Log() => string.Concat(Directory.GetFiles(_folder.File("logs"), "playout-*.log").Order().Select(file =>
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }));

    /// <summary>Channel 1's layers from the REST status.</summary>
    public async Task<JsonElement[]> Layers()
    {
        using var client = Service.Client();
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1"));
        return [.. status.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.Clone())];
    }

    /// <summary>The foreground of channel 1's layer <paramref name="number"/>; null when the layer is empty or absent.</summary>
    public async Task<string?> Foreground(int number) =>
        (await Layers()).FirstOrDefault(l => l.GetProperty("number").GetInt32() == number) is { ValueKind: JsonValueKind.Object } layer
            ? layer.GetProperty("foreground").GetString() : null;

    /// <summary>Waits until channel 1's layers satisfy <paramref name="condition"/>.</summary>
    public async Task WaitFor(Func<JsonElement[], bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (condition(await Layers()))
                    return;
            }
            catch (HttpRequestException)
            {
                // Not serving yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"channel 1 did not show {what} within 30 s; layers: {JsonSerializer.Serialize(await Layers())}");
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
public sealed class AmcpServiceCollection : ICollectionFixture<AmcpService>
{
    public const string Name = "amcp service";
}
