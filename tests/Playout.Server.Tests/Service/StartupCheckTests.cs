using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>A service that cannot run stops before air with one line naming the setting to change, and exit code 2.</summary>
public class StartupCheckTests
{
    private static string Config(TempDirectory folder, int http, int udp, string state = "state") =>
        folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "state": "{{state}}",
              "channels": [{
                "name": "test channel",
                "format": "576i50",
                "clock": "system",
                "automation": { "template": "{{folder.Write("template.yaml", Encoding.UTF8.GetBytes("""
                    date: 2026-01-01
                    events:
                      - { id: all-day, kind: filler, source: "#404040", duration: "23:59:59" }
                    """))}}", "timeZone": "UTC" },
                "outputs": [ { "type": "stream", "url": "udp://127.0.0.1:{{udp}}?pkt_size=1316", "video": "mpeg2video", "audio": "mp2" } ]
              }]
            }
            """));

    [Fact]
    public async Task A_port_in_use_stops_the_service_before_air_with_one_line_naming_the_setting_and_exit_code_2()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int http = ((IPEndPoint)taken.LocalEndpoint).Port, udp = FreePorts.Udp();
        using var air = new UdpClient(new IPEndPoint(IPAddress.Loopback, udp));
        string config = Config(folder, http, udp);

        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        Assert.Equal(2, service.WaitForExit(TimeSpan.FromSeconds(60)));
        string errors = await service.Errors;
        Assert.Equal($"playout: http 127.0.0.1:{http} is in use (another playout?); change \"http\" in {config}", errors.Trim());
        Assert.DoesNotContain("on air", await service.Output);
        Assert.False(Directory.Exists(folder.File("state/asrun")), "the as-run journal was touched");
        // Nothing went out: no UDP packet reached the output's address.
        using var silence = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await air.ReceiveAsync(silence.Token));
    }

    [Fact]
    public async Task A_state_folder_that_cannot_be_written_stops_the_service_before_air_naming_the_setting()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        folder.Write("a-file", [1]);
        int http = FreePorts.Tcp();
        string config = Config(folder, http, FreePorts.Udp(), state: "a-file/state");

        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        Assert.Equal(2, service.WaitForExit(TimeSpan.FromSeconds(60)));
        string errors = (await service.Errors).Trim();
        Assert.StartsWith($"playout: state folder {folder.File("a-file/state")} is not writable (", errors);
        Assert.EndsWith($"change \"state\" in {config}", errors);
        Assert.Single(errors.Split('\n'));
    }

    [Fact]
    public async Task An_alarm_journal_that_cannot_be_read_stops_the_service_before_air_naming_the_file()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        // A folder where the journal file should be: unreadable as a file whatever the user (root reads any mode).
        Directory.CreateDirectory(folder.File("state/alarms/alarms.jsonl"));
        int http = FreePorts.Tcp(), udp = FreePorts.Udp();
        using var air = new UdpClient(new IPEndPoint(IPAddress.Loopback, udp));
        string config = Config(folder, http, udp);

        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        Assert.Equal(2, service.WaitForExit(TimeSpan.FromSeconds(60)));
        string errors = (await service.Errors).Trim();
        Assert.StartsWith($"playout: alarm journal {folder.File("state/alarms/alarms.jsonl")} cannot be used (", errors);
        Assert.EndsWith($"move it away or change \"state\" in {config}", errors);
        Assert.Single(errors.Split('\n'));
        Assert.False(Directory.Exists(folder.File("state/asrun")), "the as-run journal was touched");
        using var silence = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await air.ReceiveAsync(silence.Token));
    }

    [Fact]
    public async Task A_card_driver_that_is_not_installed_stops_the_service_before_any_channel_goes_on_air()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        int http = FreePorts.Tcp(), udp = FreePorts.Udp();
        using var air = new UdpClient(new IPEndPoint(IPAddress.Loopback, udp));
        // The first channel could go on air; the second names a driver that is not there.
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "channels": [
                { "name": "first", "format": "576i50", "clock": "system",
                  "outputs": [ { "type": "stream", "url": "udp://127.0.0.1:{{udp}}?pkt_size=1316", "video": "mpeg2video", "audio": "mp2" } ] },
                { "name": "second", "format": "576i50", "clock": "genlock", "card": { "driver": "no-such-card" }, "outputs": [ { "type": "card" } ] }
              ]
            }
            """));

        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        Assert.Equal(2, service.WaitForExit(TimeSpan.FromSeconds(60)));
        string errors = (await service.Errors).Trim();
        Assert.StartsWith("playout: no card driver named 'no-such-card'", errors);
        Assert.EndsWith($"change \"channels[1].card.driver\" in {config}", errors);
        using var silence = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await air.ReceiveAsync(silence.Token));
    }
}
