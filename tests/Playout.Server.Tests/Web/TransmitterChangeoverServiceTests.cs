using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>
/// A running service with a main/reserve pair of transmitter twins, each in a process of its own (`playout-hwsim
/// transmitter`): an operator's changeover over REST puts the reserve on air, one over SNMP (txPairOnAir) brings main
/// back and is trapped (txPairChangeover), and a VSWR trip typed into main's process changes over by itself.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public partial class TransmitterChangeoverServiceTests
{
    private const string Operator = "operator-token-0123456789", Enterprise = "1.3.6.1.4.1.32473";

    [Fact]
    public async Task Changeovers_by_REST_SNMP_and_a_fault_reach_the_transmitter_processes_and_are_trapped()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        await using var main = await Twin.Start("main");
        await using var reserve = await Twin.Start("reserve");
        using var traps = await TrapReceiver.Start();
        int http = FreePorts.Tcp(), snmp = FreePorts.Udp();
        string profile = Repository.File("configs/devices/transmitter-generic.json");
        string Transmitter(string name, Twin twin) => $$"""
            { "name": "{{name}}", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:{{twin.Port}}", "writeCommunity": "private", "profile": "{{profile}}", "pollMs": "200", "timeoutMs": "1000" } }
            """;
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "state": "state",
              "api": { "tokens": [ { "name": "desk", "token": "{{Operator}}", "role": "operator" } ] },
              "snmp": { "enabled": true, "listen": "127.0.0.1:{{snmp}}", "writeCommunity": "secret-write",
                        "managers": [ { "address": "127.0.0.1:{{traps.Port}}" } ] },
              "devices": [ {{Transmitter("tx-main", main)}}, {{Transmitter("tx-reserve", reserve)}} ],
              "transmitterPairs": [ { "name": "site", "main": "tx-main", "reserve": "tx-reserve", "holdOffSeconds": 0.2 } ],
              "channels": [{ "name": "c1", "format": "720p50", "clock": "system", "outputs": [] }]
            }
            """));
        Assert.Equal("rf on", await main.Type("rf on"));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            await service.WaitUntilServing();
            using var desk = service.Client(Operator);
            await Until(async () => (await Pair(desk)).GetProperty("mainFault").ValueKind == JsonValueKind.Null
                && (await Pair(desk)).GetProperty("reserveFault").ValueKind == JsonValueKind.Null, "both transmitters answering");

            var toReserve = await desk.PostAsync("/api/transmitter-pairs/site/changeover?to=reserve", null);
            Assert.Equal(HttpStatusCode.OK, toReserve.StatusCode);
            Assert.StartsWith("rf on", await reserve.Type("status"));
            Assert.StartsWith("rf off", await main.Type("status"));
            Assert.Equal(("onReserve", "desk"), ((await Pair(desk)).GetProperty("state").GetString(), (await Pair(desk)).GetProperty("lastChangeover").GetProperty("who").GetString()));

            var set = ExternalTool.Execute("snmpset", ["-v2c", "-c", "secret-write", $"127.0.0.1:{snmp}", $"{Enterprise}.1.6.1.1.5.1", "i", "1"],
                environment: new Dictionary<string, string> { ["SNMPCONFPATH"] = Path.GetTempPath() });
            Assert.True(set.ExitCode == 0, set.Error);
            await Until(async () => (await Pair(desk)).GetProperty("state").GetString() == "onMain", "back on main by SNMP");
            Assert.StartsWith("rf on", await main.Type("status"));
            Assert.True(await traps.WaitFor($".{Enterprise}.0.5", TimeSpan.FromSeconds(10)), traps.Log);
            Assert.True(await traps.WaitFor("to main at ", TimeSpan.FromSeconds(10)), traps.Log);
            Assert.Equal(("manual", "snmp v2c 127.0.0.1"), ((await Pair(desk)).GetProperty("lastChangeover").GetProperty("why").GetString(),
                (await Pair(desk)).GetProperty("lastChangeover").GetProperty("who").GetString()));

            Assert.Equal("vswr on", await main.Type("fault vswr on"));
            await Until(async () => (await Pair(desk)).GetProperty("state").GetString() == "onReserve", "on reserve after main's VSWR trip");
            Assert.Equal("automatic: tx-main: VSWR trip: RF off", (await Pair(desk)).GetProperty("lastChangeover").GetProperty("why").GetString());
            Assert.StartsWith("rf on", await reserve.Type("status"));
        }
        finally
        {
            Assert.Equal(0, service.Stop());
        }
    }

    private static async Task<JsonElement> Pair(HttpClient client)
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/transmitter-pairs"));
        return list.RootElement[0].Clone();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"not within 30 s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>`playout-hwsim transmitter --port 0` as a process: its port, and commands typed to it with their answers.</summary>
    private sealed partial class Twin : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        private Twin(Process process) => _process = process;

        public int Port { get; private set; }

        public static async Task<Twin> Start(string name)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in (string[])["exec", Repository.Built("hw-sim/Playout.HwSim.Host", "playout-hwsim.dll"), "transmitter", "--port", "0", "--name", name])
                start.ArgumentList.Add(argument);
            var twin = new Twin(Process.Start(start)!);
            twin._process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } text)
                    twin._lines.Writer.TryWrite(text);
            };
            twin._process.BeginOutputReadLine();
            string banner = await twin.Next();
            twin.Port = int.Parse(Listening().Match(banner).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await twin.Next(); // the list of commands
            return twin;
        }

        /// <summary>Types <paramref name="command"/>; its answer.</summary>
        public async Task<string> Type(string command)
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            return await Next();
        }

        private async Task<string> Next() => await _lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
        private static partial Regex Listening();

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
