using System.Net;
using System.Text;
using System.Text.Json;
using Playout.Server.Tests.Cli;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// The configured devices in a running service: listed with their link, one read whole, a command sent as an operator
/// (noted as the device's last, in the log with who), refused for a viewer, an unknown device or a body that is not
/// arguments; a schedule naming an unknown device is refused at load with where.
/// </summary>
public class DeviceServiceTests
{
    private const string Viewer = "viewer-token-0123456789", Operator = "operator-token-0123456789", Engineer = "engineer-token-0123456789";

    [Fact]
    public async Task A_device_is_listed_read_and_commanded_over_rest_and_bad_requests_are_refused_by_name()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        Directory.CreateDirectory(folder.File("media"));
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "api": { "tokens": [ { "name": "wall", "token": "{{Viewer}}", "role": "viewer" },
                                   { "name": "desk", "token": "{{Operator}}", "role": "operator" },
                                   { "name": "erin", "token": "{{Engineer}}", "role": "engineer" } ] },
              "devices": [ { "name": "gpi-1", "driver": "log" } ],
              "channels": [{ "name": "c1", "format": "720p50", "clock": "system", "automation": {}, "outputs": [] }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var viewer = service.Client(Viewer);
            using var desk = service.Client(Operator);
            using var erin = service.Client(Engineer);

            using (var list = JsonDocument.Parse(await viewer.GetStringAsync("/api/devices")))
            {
                var gpi = list.RootElement.GetProperty("devices").EnumerateArray().Single();
                Assert.Equal(("gpi-1", "log", "ok"), (gpi.GetProperty("name").GetString(), gpi.GetProperty("driver").GetString(), gpi.GetProperty("state").GetString()));
            }

            var sent = await desk.PostAsync("/api/devices/gpi-1/commands/pulse", Json("""{"pin":"1"}"""));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            using (var status = JsonDocument.Parse(await viewer.GetStringAsync("/api/devices/gpi-1")))
            {
                Assert.Equal(("pulse pin=1", "connected"), (status.RootElement.GetProperty("lastCommand").GetString(), status.RootElement.GetProperty("connection").GetString()));
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/devices/gpi-1/commands/pulse", Json("{}"))).StatusCode);
            await ProblemAnswer.Refused(desk.PostAsync("/api/devices/tx-9/commands/rf", Json("{}")), HttpStatusCode.NotFound, "there is no device 'tx-9' (devices: gpi-1)");
            await ProblemAnswer.Refused(desk.GetAsync("/api/devices/tx-9"), HttpStatusCode.NotFound, "there is no device 'tx-9' (devices: gpi-1)");
            await ProblemAnswer.Refused(desk.PostAsync("/api/devices/gpi-1/commands/pulse", Json("""{"pin":1}""")), HttpStatusCode.BadRequest, "\"pin\" must be a string");
            await ProblemAnswer.Refused(desk.PostAsync("/api/devices/gpi-1/commands/pulse", Json("[1]")), HttpStatusCode.BadRequest, "the body must be a JSON object of the command's arguments");
            await ProblemAnswer.Refused(desk.PostAsync("/api/devices/gpi-1/commands/pulse", Json("""{"pin":"1","pin":"2"}""")), HttpStatusCode.BadRequest, "field 'pin' is given twice");

            // The CLI's device verbs, as an operator.
            string[] at = ["--url", $"127.0.0.1:{port}", "--token", Operator];
            Assert.Equal((0, "gpi-1: pulse done\n", ""), CliRunner.Run(["device", "command", "gpi-1", "pulse", "pin=2", .. at]));
            var (listed, lines, _) = CliRunner.Run(["device", "list", .. at]);
            Assert.Equal((0, "gpi-1\tlog\tok\tpulse pin=2\n"), (listed, lines));
            Assert.Contains("\"lastCommand\": \"pulse pin=2\"", CliRunner.Run(["device", "status", "gpi-1", .. at]).Output);
            Assert.Equal((2, "", "playout: argument 1 'junk' is not NAME=VALUE\n"), CliRunner.Run(["device", "command", "gpi-1", "pulse", "junk", .. at]));
            Assert.Equal((2, "", "playout: 404 Not Found: there is no device 'tx-9' (devices: gpi-1)\n"), CliRunner.Run(["device", "status", "tx-9", .. at]));

            // A schedule's device command names a configured device, or the load is refused saying where.
            string schedule = """
                date: 2026-12-05
                events:
                  - id: a
                    kind: filler
                    source: "#404040"
                    duration: "00:00:10"
                    secondaries: [ { kind: device, device: tx-9, command: rf } ]
                """;
            var loaded = await erin.PutAsync("/api/channels/1/schedule?name=day.yaml", new StringContent(schedule));
            string refusal = await loaded.Content.ReadAsStringAsync();
            Assert.True(loaded.StatusCode == HttpStatusCode.BadRequest, refusal);
            Assert.Contains("event a, secondary 1 (Device): device: no device named tx-9 is configured", refusal);
        }
        finally
        {
            Assert.Equal(0, service.Stop());
        }
        Assert.Contains("device gpi-1: pulse by desk", await service.Output);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
