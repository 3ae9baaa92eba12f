using System.Net;
using System.Text.Json;
using Playout.Server.Tests.Cli;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// A transmitter pair in a running service whose transmitters do not answer: listed on main with each side's fault, a
/// changeover refused for a viewer, an unknown pair or side, and answered 502 with why when the reserve does not take RF on.
/// </summary>
public class TransmitterPairServiceTests
{
    private const string Viewer = "viewer-token-0123456789", Operator = "operator-token-0123456789";

    [Fact]
    public async Task A_pair_is_listed_and_a_changeover_the_transmitters_do_not_take_is_answered_with_why()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        Directory.CreateDirectory(folder.File("media"));
        string profile = Repository.File("configs/devices/transmitter-generic.json");
        string Transmitter(string name) => $$"""
            { "name": "{{name}}", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:{{FreePorts.Udp()}}", "profile": "{{profile}}", "timeoutMs": "100", "retries": "0", "pollMs": "100" } }
            """;
        string config = folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{port}}",
              "state": "state",
              "api": { "tokens": [ { "name": "wall", "token": "{{Viewer}}", "role": "viewer" },
                                   { "name": "desk", "token": "{{Operator}}", "role": "operator" } ] },
              "devices": [ {{Transmitter("tx-main")}}, {{Transmitter("tx-reserve")}} ],
              "transmitterPairs": [ { "name": "site", "main": "tx-main", "reserve": "tx-reserve", "commsLossSeconds": 0.5 } ],
              "channels": [{ "name": "c1", "format": "720p50", "clock": "system", "automation": {}, "outputs": [] }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var viewer = service.Client(Viewer);
            using var desk = service.Client(Operator);

            // Neither transmitter answers: after the comms-loss time both are faulty, and the pair stays on main.
            JsonElement pair = default;
            for (int tries = 0; tries < 100; tries++)
            {
                using var list = JsonDocument.Parse(await viewer.GetStringAsync("/api/transmitter-pairs"));
                pair = list.RootElement.EnumerateArray().Single().Clone();
                if (pair.GetProperty("reserveFault").ValueKind == JsonValueKind.String)
                    break;
                await Task.Delay(100);
            }
            Assert.Equal(("site", "tx-main", "tx-reserve", "onMain", "main"), (pair.GetProperty("name").GetString(), pair.GetProperty("main").GetString(),
                pair.GetProperty("reserve").GetString(), pair.GetProperty("state").GetString(), pair.GetProperty("onAir").GetString()));
            Assert.Equal(("tx-main: no link for 0.5 s", "tx-reserve: no link for 0.5 s"), (pair.GetProperty("mainFault").GetString(), pair.GetProperty("reserveFault").GetString()));
            Assert.Equal(JsonValueKind.Null, pair.GetProperty("lastChangeover").ValueKind);

            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/transmitter-pairs/site/changeover?to=reserve", null)).StatusCode);
            await ProblemAnswer.Refused(desk.PostAsync("/api/transmitter-pairs/far/changeover?to=reserve", null), HttpStatusCode.NotFound, "there is no transmitter pair 'far' (pairs: site)");
            await ProblemAnswer.Refused(desk.PostAsync("/api/transmitter-pairs/site/changeover?to=spare", null), HttpStatusCode.BadRequest, "to: 'spare' is not main or reserve");
            await ProblemAnswer.Refused(desk.PostAsync("/api/transmitter-pairs/site/changeover?to=reserve", null), (HttpStatusCode)502,
                "site: changeover to reserve was not carried out: tx-reserve: rf not carried out: ");
            using var after = JsonDocument.Parse(await viewer.GetStringAsync("/api/transmitter-pairs"));
            Assert.Equal("onMain", after.RootElement[0].GetProperty("state").GetString());

            // The CLI's verbs over the same API: the listing, a side it does not know (exit 2), the refusal (exit 1).
            string[] at = ["--url", $"127.0.0.1:{port}", "--token", Operator];
            var listed = CliRunner.Run(["device", "pairs", .. at]);
            Assert.Equal((0, "site\tonMain\tmain: tx-main: no link for 0.5 s\treserve: tx-reserve: no link for 0.5 s\tno changeover\n"), (listed.Code, listed.Output));
            var spare = CliRunner.Run(["device", "changeover", "site", "spare", .. at]);
            Assert.Equal(2, spare.Code);
            Assert.Contains("'spare'", spare.Error);
            var refused = CliRunner.Run(["device", "changeover", "site", "reserve", .. at]);
            Assert.Equal(1, refused.Code);
            Assert.StartsWith("playout: 502 Bad Gateway: site: changeover to reserve was not carried out: tx-reserve: rf not carried out: ", refused.Error);
        }
        finally
        {
            Assert.Equal(0, service.Stop());
        }
    }
}
