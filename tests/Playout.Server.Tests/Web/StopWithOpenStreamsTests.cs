using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// Ctrl-C stops the service at once while clients hold streams open (a panel's preview, its live feed, an alarm feed):
/// the streams end with the stop instead of holding the web host for its 30 s shutdown timeout.
/// </summary>
public class StopWithOpenStreamsTests
{
    private const string Viewer = "viewer-token-0123456789";

    [Fact]
    public async Task Open_preview_panel_and_alarm_streams_end_when_the_service_stops_and_it_exits_promptly()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        Directory.CreateDirectory(folder.File("media"));
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "api": { "tokens": [ { "name": "wall", "token": "{{Viewer}}", "role": "viewer" } ] },
              "channels": [{ "name": "c1", "format": "720p50", "clock": "system",
                             "outputs": [ { "type": "preview", "width": 160, "height": 90, "perSecond": 10 } ] }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        await service.WaitUntilServing();
        // The client's timeout runs until a response's headers; a stream's body is read past it.
        using var viewer = service.Client(Viewer);
        viewer.Timeout = TimeSpan.FromSeconds(30);
        var open = new List<Task<HttpResponseMessage>>();
        foreach (string path in (string[])["/api/channels/1/preview.mjpeg", "/api/panel/stream", "/api/alarms/stream"])
        {
            using var ticket = JsonDocument.Parse(await (await viewer.PostAsync("/api/stream-ticket", null)).Content.ReadAsStringAsync());
            open.Add(viewer.GetAsync($"{path}?ticket={ticket.RootElement.GetProperty("value").GetString()}", HttpCompletionOption.ResponseHeadersRead));
        }
        // Each sends at once (the alarm feed the alarms listed).
        foreach (var response in open)
        {
            var body = await (await response).Content.ReadAsStreamAsync();
            using var first = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.True(await body.ReadAsync(new byte[1], first.Token) == 1, $"{(await response).RequestMessage!.RequestUri} sends");
        }

        var stopping = Stopwatch.StartNew();
        Assert.Equal(0, service.Stop());
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {stopping.Elapsed.TotalSeconds:0.0} s with streams open");
        // Each stream has ended (or broken off) rather than going on.
        foreach (var response in open)
        {
            var ended = Task.Run(async () =>
            {
                try
                {
                    var body = await (await response).Content.ReadAsStreamAsync();
                    var buffer = new byte[64 * 1024];
                    while (await body.ReadAsync(buffer) > 0) { }
                }
                catch (Exception error) when (error is IOException or HttpRequestException)
                {
                }
            });
            Assert.True(await Task.WhenAny(ended, Task.Delay(5000)) == ended, "a stream still sends after the stop");
            await ended;
        }
    }
}
