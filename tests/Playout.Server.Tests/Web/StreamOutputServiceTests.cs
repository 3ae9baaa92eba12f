using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// A stream-output device in a running service, commanded over REST as an operator: its UDP stream stops and starts again
/// (read on the loopback), and a new bitrate shows in its status; the channel stays on air throughout.
/// </summary>
public class StreamOutputServiceTests
{
    private const string Operator = "operator-token-0123456789";

    [Fact]
    public async Task The_encoder_is_stopped_started_and_given_a_bitrate_over_rest()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        int port = FreePorts.Tcp(), udp = FreePorts.Udp();
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, udp));
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "api": { "tokens": [ { "name": "desk", "token": "{{Operator}}", "role": "operator" } ] },
              "devices": [ { "name": "enc", "driver": "stream-output", "settings": { "channel": "1", "output": "1", "pollMs": "100" } } ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system",
                             "outputs": [ { "type": "stream", "url": "udp://127.0.0.1:{{udp}}?pkt_size=1316", "video": "mpeg2video", "audio": "mp2" } ] }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var desk = service.Client(Operator);
            await Until(async () => Setting(await Status(desk), "service") == "running");
            Assert.True(await Receives(receiver), "no stream before the stop");

            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/devices/enc/commands/service", Json("""{"state":"stop"}"""))).StatusCode);
            Assert.Equal("stopped", Setting(await Status(desk), "service"));
            while (receiver.Available > 0)
                await receiver.ReceiveAsync();
            await Task.Delay(300);
            Assert.False(await Receives(receiver), "the stream went on after the stop");
            long ticks = await Ticks(desk);
            await Until(async () => await Ticks(desk) > ticks + 10);

            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/devices/enc/commands/service", Json("""{"state":"start"}"""))).StatusCode);
            Assert.True(await Receives(receiver), "no stream after the start");

            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/devices/enc/commands/bitrate", Json("""{"bps":"3000000"}"""))).StatusCode);
            using var status = await Status(desk);
            Assert.Equal("3000000", Setting(status, "bitrate"));
            Assert.Equal(3_000_000, status.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "bitrate")
                .GetProperty("value").GetDouble());
            Assert.True(await Receives(receiver), "no stream after the bitrate change");
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
        Assert.Contains("device enc: bitrate by desk", await service.Output);
    }

    private static async Task<JsonDocument> Status(HttpClient client) => JsonDocument.Parse(await client.GetStringAsync("/api/devices/enc"));

    private static string? Setting(JsonDocument status, string name) =>
        status.RootElement.GetProperty("settings").EnumerateArray().SingleOrDefault(s => s.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("actual").GetString() : null;

    private static async Task<long> Ticks(HttpClient client)
    {
        using var channel = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1"));
        return channel.RootElement.GetProperty("tick").GetInt64();
    }

    /// <summary>Whether a datagram of the stream arrives within 2 s.</summary>
    private static async Task<bool> Receives(UdpClient receiver)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return (await receiver.ReceiveAsync(wait.Token)).Buffer.Length > 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "timed out");
            await Task.Delay(100);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
