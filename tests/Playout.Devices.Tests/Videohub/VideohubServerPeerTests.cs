using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Playout.TestSupport;
using static Playout.Devices.Tests.Videohub.VideohubHarness;

namespace Playout.Devices.Tests.Videohub;

/// <summary>
/// The driver against a real peer: the npm package videohub-server (a Videohub server for control panels), whose prelude
/// glues two fields on one line and which ACKs routes without echoing them. <c>./playout test</c> installs it into
/// .playout/node first (docs/DEVICES.md, "Videohub router").
/// </summary>
public sealed class VideohubServerPeerTests
{
    public const string Version = "0.3.0";

    /// <summary>
    /// PLAYOUT_VIDEOHUB_IDLE=1 holds the link for 25 s with the default 5 s pings, past the peer's 20 s idle timeout; by
    /// default it is held for half a second with pings every 0.2 s.
    /// </summary>
    private static bool LongMode => Environment.GetEnvironmentVariable("PLAYOUT_VIDEOHUB_IDLE") == "1";

    [Fact]
    public async Task The_driver_reads_videohub_servers_prelude_and_routes_through_it()
    {
        string folder = Repository.File(".playout/node");
        string package = Path.Combine(folder, "node_modules", "videohub-server", "package.json");
        Assert.True(File.Exists(package), $"videohub-server {Version} is not installed in {folder}: ./playout test installs it with npm");
        Assert.Equal(Version, JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString());

        int port = FreePorts.Tcp();
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.File("tests/Playout.Devices.Tests/Videohub/videohub-server.js"));
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["NODE_PATH"] = Path.Combine(folder, "node_modules");
        using var peer = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var presses = new ConcurrentQueue<string>();
        peer.OutputDataReceived += (_, line) => { if (line.Data is { } data) presses.Enqueue(data); };
        peer.BeginOutputReadLine();
        try
        {
            await using var harness = new VideohubHarness();
            var router = harness.Open("router", port, ping: LongMode ? "5" : "0.2"); // retried with back-off until node listens
            await Until(() => router.Status().Connection == ConnectionState.Connected, $"connected to videohub-server ({router.Status().Error}; node: {(peer.HasExited ? peer.StandardError.ReadToEnd() : "running")})", seconds: 20);

            Assert.Equal("Virtual Videohub (protocol 2.8)", router.Status().Identity);
            Assert.Equal([("inputs", 41.0), ("outputs", 10.0)], router.Status().Measurements.Select(m => (m.Name, m.Value)).Order());
            Assert.Equal(("41", "no label", "unlocked"), (Actual(router, "route.10"), Actual(router, "output.10.label"), Actual(router, "lock.1")));

            await Send(router, "route", "output=3 input=5");
            await Until(() => presses.Contains("""{"destination":2,"source":4}"""), $"videohub-server got the route 0-based (it printed {string.Join(", ", presses)})");
            Assert.Equal(new DeviceSetting("route.3", "5", "5"), Setting(router, "route.3"));
            var since = router.Status().Since;
            await Task.Delay(TimeSpan.FromSeconds(LongMode ? 25 : 0.5)); // pings, each ACKed, keep the idle peer from closing
            Assert.Equal((ConnectionState.Connected, since), (router.Status().Connection, router.Status().Since));
            Assert.Empty(harness.Alarms.Active);
        }
        finally
        {
            peer.StandardInput.Close();
            if (!peer.WaitForExit(5000))
                peer.Kill(entireProcessTree: true);
        }
    }
}
