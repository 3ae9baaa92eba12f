using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Playout.Benchmarks;

/// <summary>
/// AMCP against the service as it runs (a child process: `playout serve`, built by ./playout), with a 720p50 channel on the
/// system clock and a schedule of manual clip events on layer 10:
/// - take → on-air latency in ticks: REST take of the next event, and AMCP PLAY of a clip LOADBG'd on layer 5, each
///   from the tick the status showed just before the request to the tick the as-run log records the cut at;
/// - AMCP commands answered per second with the channel on air (tick-bound MIXER changes over many connections, then
///   catalogue queries), and the tick's p50/p99/max without and with that load (the status's window of 1024 ticks, so
///   each phase runs at least 21 s at 50 ticks a second); the MIXER commands' 16 (empty) layers are made before the
///   phase without load, so every phase has the same stage.
/// - the panel's programme preview (MJPEG, 10 pictures a second) behind air, in frames: each part's tick against the
///   channel's tick when the part arrives (from the status's tick and the UTC instant its frame aired).
/// `./playout bench amcp [--seconds N]` (N ≥ 21, default 21).
/// </summary>
public static class AmcpOnAirBenchmark
{
    private const int Takes = 20;
    private const int Connections = 16;
    private const int InFlight = 8;
    private const int PreviewParts = 100;

    public static int Run(string[] args, TextWriter output)
    {
        double seconds = new BenchArguments("amcp", args, "--seconds S, at least 21", ["--seconds"]).Number("--seconds", 21, 21);
        string folder = Directory.CreateTempSubdirectory("playout-bench-amcp-").FullName;
        try
        {
            using var service = Service.Start(folder);
            var rest = Enumerable.Range(1, Takes).Select(i => service.RestTake($"e{i}")).ToArray();
            var amcp = Enumerable.Range(1, Takes).Select(i => service.AmcpTake(i % 2 == 0 ? "CLIP1" : "CLIP2")).ToArray();
            var preview = service.PreviewLatency(PreviewParts);
            // The MIXER phase's layers exist (empty) before the channel-alone phase, so the two compare one stage with and
            // without the commands: the layers are the channel's content, not the load.
            string Mixer(int i) => $"MIXER 1-{30 + i} OPACITY {(i % 2 == 0 ? "0.5" : "0.75")}";
            for (int i = 0; i < Connections; i++)
                service.Ask(Mixer(i));
            var idle = service.Phase(seconds, null);
            var commands = service.Phase(seconds, Mixer);
            var queries = service.Phase(seconds, i => i % 2 == 0 ? "CINF CLIP1" : "VERSION");
            output.WriteLine($"AMCP with a 720p50 channel on air (system clock), `playout serve` as a child process, {Environment.ProcessorCount} cores");
            output.WriteLine();
            output.WriteLine("| Take → on air ({0} each) | min | median | max (ticks) |".Replace("{0}", Takes.ToString(CultureInfo.InvariantCulture)));
            output.WriteLine("|---|---:|---:|---:|");
            output.WriteLine(Latency("REST POST /take (the next manual event)", rest));
            output.WriteLine(Latency("AMCP PLAY 1-5 (a LOADBG'd clip)", amcp));
            output.WriteLine(Latency($"preview (MJPEG, {PreviewParts} pictures) behind air on arrival", preview));
            output.WriteLine();
            output.WriteLine($"| Phase ({seconds:0} s each) | AMCP commands/s | Tick p50 (ms) | Tick p99 (ms) | Tick max (ms) | Late ticks |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            output.WriteLine(idle.Row("channel alone"));
            output.WriteLine(commands.Row($"{Connections} connections, {InFlight} MIXER OPACITY lines in flight each"));
            output.WriteLine(queries.Row($"{Connections} connections, {InFlight} CINF/VERSION lines in flight each"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Latency(string name, long[] ticks)
    {
        var sorted = ticks.Order().ToArray();
        return $"| {name} | {sorted[0]} | {sorted[sorted.Length / 2]} | {sorted[^1]} |";
    }

    private readonly record struct Phase(double CommandsPerSecond, double P50, double P99, double Max, long LateTicks)
    {
        public string Row(string name) => $"| {name} | {CommandsPerSecond:N0} | {P50:0.00} | {P99:0.00} | {Max:0.00} | {LateTicks} |";
    }

    /// <summary>The service process, its HTTP API (with the local token) and its AMCP port.</summary>
    private sealed class Service : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;
        private readonly int _amcp;
        private readonly AmcpLine _control;

        private Service(Process process, HttpClient http, int amcp)
        {
            _process = process;
            _http = http;
            _amcp = amcp;
            _control = new AmcpLine(amcp);
        }

        public static Service Start(string folder)
        {
            string media = Directory.CreateDirectory(Path.Combine(folder, "media")).FullName;
            foreach (var (name, colour) in (ReadOnlySpan<(string, string)>)[("clip1.mp4", "testsrc"), ("clip2.mp4", "smptebars")])
                ExternalProgram.Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"{colour}=size=1280x720:rate=50:duration=10", "-f", "lavfi", "-i", "sine=duration=10",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(media, name));
            var events = new StringBuilder("date: 2026-01-01\nevents:\n  - { id: e0, kind: clip, source: clip1.mp4, loop: true, duration: \"02:00:00\" }\n");
            for (int i = 1; i <= Takes + 1; i++)
                events.Append(CultureInfo.InvariantCulture, $"  - {{ id: e{i}, kind: clip, source: clip{1 + i % 2}.mp4, loop: true, duration: \"00:10:00\", timing: manual }}\n");
            File.WriteAllText(Path.Combine(folder, "template.yaml"), events.ToString());
            int http = FreePort(), amcp = FreePort();
            // The day starts this minute, so the first event is on air and the manual ones are next.
            string dayStart = DateTime.UtcNow.ToString("HH:mm", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(folder, "service.json"), $$"""
                {
                  "http": "127.0.0.1:{{http}}", "state": "state", "media": "media",
                  "amcp": { "enabled": true, "listen": "127.0.0.1:{{amcp}}" },
                  "channels": [{ "name": "bench", "format": "720p50", "clock": "system",
                    "automation": { "template": "template.yaml", "timeZone": "UTC", "dayStart": "{{dayStart}}", "layer": 10 },
                    "outputs": [ { "type": "preview", "width": 320, "height": 180, "perSecond": 10 } ] }]
                }
                """);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])[Path.Combine(RepositoryRoot(), "src/Playout.Server/bin/Release/net10.0/playout.dll"), "serve", "--config", Path.Combine(folder, "service.json")])
                start.ArgumentList.Add(argument);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromSeconds(30) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                try
                {
                    if (client.GetAsync("/api/channels/1").Result.IsSuccessStatusCode && File.Exists(Path.Combine(folder, "state/api-token")))
                        break;
                }
                catch (AggregateException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                }
                if (DateTime.UtcNow > deadline || process.HasExited)
                    throw new InvalidOperationException("the service did not start within 60 s");
                Thread.Sleep(200);
            }
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(folder, "state/api-token")).Trim());
            // The catalogue has the clips (CINF answers) and the first event is on air.
            using var probe = new AmcpLine(amcp);
            while (!probe.Ask("CINF CLIP2").StartsWith("201", StringComparison.Ordinal))
                Thread.Sleep(200);
            Thread.Sleep(2000);
            return new Service(process, client, amcp);
        }

        private JsonElement Status() => JsonDocument.Parse(_http.GetStringAsync("/api/channels/1").Result).RootElement;

        /// <summary>
        /// The tick of the last as-run entry matching <paramref name="match"/>, at or after <paramref name="from"/>, that
        /// <paramref name="tick"/> reads from the entry (an item's entry is written when it leaves air: the cut is its end).
        /// </summary>
        private long CutTick(Func<JsonElement, bool> match, Func<JsonElement, long> tick, long from)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                string day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var entries = JsonDocument.Parse(_http.GetStringAsync($"/api/channels/1/asrun/{day}").Result).RootElement.EnumerateArray()
                    .Where(e => e.TryGetProperty("actualTick", out var t) && t.ValueKind == JsonValueKind.Number && match(e) && tick(e) >= from).ToList();
                if (entries.Count > 0)
                    return tick(entries[^1]);
                Thread.Sleep(100);
            }
            throw new TimeoutException("the cut did not show in the as-run log within 10 s");
        }

        /// <summary>REST take of the next manual event: ticks from the status's tick before the request to the event's cut.</summary>
        public long RestTake(string id)
        {
            Thread.Sleep(1000);
            long before = Status().GetProperty("tick").GetInt64();
            using var taken = _http.PostAsync("/api/channels/1/take", null).Result;
            if (!taken.IsSuccessStatusCode)
                throw new InvalidOperationException($"take of {id}: {(int)taken.StatusCode} {taken.Content.ReadAsStringAsync().Result}");
            // The event taken off air (the one before) is written as it leaves: its end is the cut.
            string previous = $"e{int.Parse(id[1..], CultureInfo.InvariantCulture) - 1}";
            return CutTick(e => e.GetProperty("eventId").GetString() == previous,
                e => e.GetProperty("actualTick").GetInt64() + e.GetProperty("actualFrames").GetInt64(), before) - before;
        }

        /// <summary>Sends one AMCP line on the control connection; a reply other than 2xx throws.</summary>
        public void Ask(string line) => Check(_control.Ask(line), line);

        /// <summary>AMCP PLAY of a clip pre-rolled by LOADBG: ticks from the status's tick before PLAY to the take's as-run note.</summary>
        public long AmcpTake(string clip)
        {
            Check(_control.Ask($"LOADBG 1-5 {clip} LOOP"), "LOADBG");
            Thread.Sleep(500);
            long before = Status().GetProperty("tick").GetInt64();
            Check(_control.Ask("PLAY 1-5"), "PLAY");
            return CutTick(e => e.GetProperty("title").GetString() == "take layer 5 as loaded", e => e.GetProperty("actualTick").GetInt64(), before) - before;
        }

        /// <summary>
        /// How many frames behind air each of <paramref name="parts"/> MJPEG preview pictures is when it arrives: the
        /// channel's tick then is the status's tick plus the frames since that tick's frame aired (system clock, 50 fps).
        /// </summary>
        public long[] PreviewLatency(int parts)
        {
            var status = Status();
            long tick = status.GetProperty("tick").GetInt64();
            var aired = status.GetProperty("airTime").GetDateTimeOffset();
            using var response = _http.GetAsync("/api/channels/1/preview.mjpeg", HttpCompletionOption.ResponseHeadersRead).Result;
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.Latin1);
            var behind = new List<long>();
            while (behind.Count < parts && reader.ReadLine() is { } line)
            {
                // The JPEG bytes read as Latin-1 lines are passed over; only part headers match.
                if (line.StartsWith("X-Playout-Tick: ", StringComparison.Ordinal))
                {
                    long now = tick + (long)Math.Floor((DateTimeOffset.UtcNow - aired).TotalSeconds * 50);
                    behind.Add(now - long.Parse(line.AsSpan(16), CultureInfo.InvariantCulture));
                }
            }
            return [.. behind];
        }

        /// <summary>
        /// Runs <paramref name="seconds"/> with <see cref="Connections"/> connections each keeping <see cref="InFlight"/> lines of
        /// <paramref name="line"/> (by connection index) in flight, or none; returns the replies a second and the tick figures.
        /// </summary>
        public Phase Phase(double seconds, Func<int, string>? line)
        {
            long lateBefore = Status().GetProperty("lateTicks").GetInt64();
            var clock = Stopwatch.StartNew();
            long answered = 0;
            if (line is not null)
            {
                answered = Task.WhenAll(Enumerable.Range(0, Connections).Select(i => Task.Run(() =>
                {
                    using var amcp = new AmcpLine(_amcp);
                    byte[] batch = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line(i) + "\r\n", InFlight)));
                    long replies = 0;
                    while (clock.Elapsed.TotalSeconds < seconds)
                    {
                        amcp.Send(batch);
                        for (int n = 0; n < InFlight; n++)
                        {
                            Check(amcp.Reply(), line(i));
                            replies++;
                        }
                    }
                    return replies;
                }))).Result.Sum();
            }
            while (clock.Elapsed.TotalSeconds < seconds)
                Thread.Sleep(50);
            double elapsed = clock.Elapsed.TotalSeconds;
            var status = Status();
            var timing = status.GetProperty("timing");
            return new Phase(answered / elapsed, timing.GetProperty("p50").GetDouble() / 1000, timing.GetProperty("p99").GetDouble() / 1000,
                timing.GetProperty("max").GetDouble() / 1000, status.GetProperty("lateTicks").GetInt64() - lateBefore);
        }

        private static void Check(string reply, string what)
        {
            if (!reply.StartsWith('2'))
                throw new InvalidOperationException($"{what}: {reply.Trim()}");
        }

        public void Dispose()
        {
            _control.Dispose();
            _http.Dispose();
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }

    /// <summary>A raw AMCP connection reading replies by CasparCG's framing (one line; 201 two; 200 to the empty line).</summary>
    private sealed class AmcpLine : IDisposable
    {
        private readonly TcpClient _tcp = new();
        private readonly StreamReader _reader;
        private readonly NetworkStream _stream;

        public AmcpLine(int port)
        {
            _tcp.Connect(IPAddress.Loopback, port);
            _stream = _tcp.GetStream();
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public void Send(byte[] bytes) => _stream.Write(bytes);

        public string Ask(string line)
        {
            Send(Encoding.UTF8.GetBytes(line + "\r\n"));
            return Reply();
        }

        public string Reply()
        {
            string first = _reader.ReadLine() ?? throw new EndOfStreamException("AMCP closed the connection");
            var reply = new StringBuilder(first).Append('\n');
            if (first.StartsWith("201", StringComparison.Ordinal) || first.StartsWith("400", StringComparison.Ordinal))
                reply.Append(_reader.ReadLine()).Append('\n');
            else if (first.StartsWith("200", StringComparison.Ordinal))
            {
                while (_reader.ReadLine() is { Length: > 0 } data)
                    reply.Append(data).Append('\n');
            }
            return reply.ToString();
        }

        public void Dispose()
        {
            _reader.Dispose();
            _tcp.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Playout.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("the bench runs from the repository's build output (Playout.sln not found above it)");
    }
}
