using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>Scripts posted to the running service: a refused one changes nothing; a runaway one is stopped at the limit while the channel stays on air.</summary>
[Collection(OpenServiceCollection.Name)]
public class ScriptEndpointTests(OpenService open)
{
    private static StringContent Script(string code) => new(code, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task A_script_that_reads_a_file_is_refused_with_its_line_and_column_and_the_schedule_is_unchanged()
    {
        using var engineer = open.Service.Client(open.LocalToken);
        string before = await engineer.GetStringAsync("/api/channels/1/schedule");

        using var response = await engineer.PostAsync("/api/channels/1/scripts",
            Script("Log(\"reading\");\nvar secret = System.IO.File.ReadAllText(\"/etc/passwd\");\nLog(secret);\n"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("ok").GetBoolean());
        string error = Assert.Single(answer.RootElement.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Matches(@"^2:\d+: SCRIPT\d+: .*System\.IO\.File", error);
        Assert.DoesNotContain("root:", answer.RootElement.ToString());
        Assert.Equal(before, await engineer.GetStringAsync("/api/channels/1/schedule"));
    }

    [Fact]
    public async Task A_runaway_script_is_stopped_at_the_time_limit_while_the_status_answers_and_the_channel_ticks_on()
    {
        using var engineer = open.Service.Client(open.LocalToken);
        using var watcher = open.Service.Client();
        watcher.Timeout = TimeSpan.FromSeconds(5);
        var run = engineer.PostAsync("/api/channels/1/scripts", Script("while (true) { }\n"));

        var ticks = new List<(long Tick, TimeSpan At)>();
        bool workerSeen = false;
        var clock = Stopwatch.StartNew();
        while (!run.IsCompleted)
        {
            using (var status = JsonDocument.Parse(await watcher.GetStringAsync("/api/status")))
                ticks.Add((status.RootElement.GetProperty("channels")[0].GetProperty("engine").GetProperty("tick").GetInt64(), clock.Elapsed));
            workerSeen |= ScriptWorkersOf(open.Service.Id).Count > 0;
            await Task.WhenAny(run, Task.Delay(500));
        }

        using var response = await run;
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        using (var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            Assert.Contains("script exceeded its 10 s limit and was stopped",
                answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.True(workerSeen, "the script's worker was never seen as a child of the service");
        // The status answered all along and the tick kept going: at least half the frames (25 a second) of the time watched.
        Assert.True(ticks.Count >= 10, $"the status answered only {ticks.Count} times during a 10 s run");
        var (first, last) = (ticks[0], ticks[^1]);
        Assert.True(last.Tick - first.Tick >= (last.At - first.At).TotalSeconds * 25 / 2,
            $"the tick went from {first.Tick} to {last.Tick} in {(last.At - first.At).TotalSeconds:F1} s");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (ScriptWorkersOf(open.Service.Id).Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Empty(ScriptWorkersOf(open.Service.Id));
    }

    /// <summary>The pids of the service's child processes running the script worker (from /proc: the parent pid and the command line).</summary>
    private static List<int> ScriptWorkersOf(int service)
    {
        var workers = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name in parentheses: state, then the parent's pid.
                int parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                if (parent == service && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("playout-script-worker"))
                    workers.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }
        return workers;
    }
}
