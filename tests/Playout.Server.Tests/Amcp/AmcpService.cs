using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>
/// One running service with AMCP on a free loopback port, an automated channel (a still from its schedule on layer 10),
/// two clips in its media folder (clip1.mp4 at the top, Sub/Clip2.mp4 in a folder) and two pictures (slate.png, the
/// schedule's; logo.png with alpha, a CG template); OSC sent to <see cref="Osc"/>, stream outputs over udp allowed:
/// shared by the AMCP tests.
/// </summary>
public sealed class AmcpService : IAsyncLifetime
{
    public const int AutomationLayer = 10;

    private readonly TempDirectory _folder = new();

    public ServiceProcess Service { get; private set; } = null!;
    public int Port { get; private set; }

    /// <summary>Where the service sends its OSC status.</summary>
    public UdpClient Osc { get; } = new(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>The service's local API token (an operator's and engineer's).</summary>
    public string Token => File.ReadAllText(_folder.File("state/api-token")).Trim();
    public string MediaFolder => _folder.File("media");

    public async Task InitializeAsync()
    {
        string media = MediaFolder;
        Directory.CreateDirectory(Path.Combine(media, "Sub"));
        // 4 s at 25 fps: 100 frames.
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc=size=720x576:rate=25:duration=4", "-f", "lavfi", "-i", "sine=duration=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(media, "clip1.mp4"));
        File.Copy(Path.Combine(media, "clip1.mp4"), Path.Combine(media, "Sub", "Clip2.mp4"));
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=gray:size=720x576", "-frames:v", "1", Path.Combine(media, "slate.png"));
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=red@0.5:size=200x100,format=rgba", "-frames:v", "1", Path.Combine(media, "logo.png"));
        File.WriteAllText(Path.Combine(media, "broken.png"), "not a picture");
        int osc = ((IPEndPoint)Osc.Client.LocalEndPoint!).Port;
        int http = FreePorts.Tcp();
        Port = FreePorts.Tcp();
        string template = _folder.Write("template.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - { id: all-day, kind: still, source: slate.png, duration: "23:59:59" }
            """));
        string config = _folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "state": "state",
              "media": "media",
              "amcp": { "enabled": true, "listen": "127.0.0.1:{{Port}}", "outputProtocols": ["udp"], "osc": { "targets": ["127.0.0.1:{{osc}}"] } },
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

    /// <summary>Waits until the media library has catalogued the media folder (CLS lists both clips and both pictures).</summary>
    public async Task WaitForCatalogue(AmcpClient amcp)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string listing = "";
        while (DateTime.UtcNow < deadline && !(listing.Contains("SUB/CLIP2", StringComparison.Ordinal) && listing.Contains("\"LOGO\"", StringComparison.Ordinal)
            && listing.Contains("\"SLATE\"", StringComparison.Ordinal)))
        {
            listing = await amcp.Ask("CLS");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Today's broadcast day, which names the as-run log: the service's automation is on UTC with the default day start,
    /// 06:00, so from midnight to 06:00 it is still the day before.
    /// </summary>
    public static string AsRunDay => DateOnly.FromDateTime(DateTime.UtcNow - TimeSpan.FromHours(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the service has logged so far (its daily log files).</summary>
    public string Log() => ServiceLog.Read(_folder.File("logs"));

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
        Osc.Dispose();
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
