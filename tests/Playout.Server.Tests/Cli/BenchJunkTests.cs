using System.Diagnostics;
using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

/// <summary>
/// Every bench command given junk arguments answers before it measures anything, with a message naming the command, what
/// was wrong and what it takes, and exit code 2 — never a stack trace (`./playout bench channel --help` was one).
/// </summary>
public sealed class BenchJunkTests
{
    public static TheoryData<string[], string> Junk() => new()
    {
        { ["channel", "--help"], "unknown argument '--help'" },
        { ["channel", "--seconds", "x"], "--seconds takes a number of at least 1, not 'x'" },
        { ["channel", "1080i50", "--seconds"], "--seconds takes a value and none was given" },
        { ["channel", "1080x50"], "unknown video format '1080x50'" },
        { ["channel", "--first-use", "4320p61"], "unknown video format '4320p61'" },
        { ["density", "--channels", "2.5"], "--channels takes a whole number of at least 1, not '2.5'" },
        { ["density", "--warm-up", "-1"], "--warm-up takes a number of at least 0, not '-1'" },
        { ["density", "--up-to", "NaN"], "--up-to takes a whole number of at least 1, not 'NaN'" },
        { ["density", "--encode", "--hls"], "--encode and --hls are one output or the other" },
        { ["density", "--seconds", "60", "--channels", "6", "--seconds", "5"], "--seconds is given twice" },
        { ["channel", "--first-use", "--first-use"], "--first-use is given twice" },
        { ["ratios", "--rounds", "0"], "--rounds takes a whole number of at least 1, not '0'" },
        { ["ratios", "V210"], "unknown argument 'V210'" },
        { ["hls", "--preset"], "--preset takes a value and none was given" },
        { ["radio", "--seconds", "Infinity"], "--seconds takes a number of at least 1, not 'Infinity'" },
        { ["st2110", "--seconds", "1e999"], "--seconds takes a number of at least 1, not '1e999'" },
        { ["snmp", "--seconds", "2", "extra"], "unknown argument 'extra'" },
        { ["snmp-on-air", "--secs", "5"], "unknown argument '--secs'" },
        { ["devices-on-air", "--seconds", ""], "--seconds takes a number of at least 1, not ''" },
        { ["amcp", "--seconds", "20"], "--seconds takes a number of at least 21, not '20'" },
    };

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Junk_is_refused_by_name_with_exit_code_2(string[] junk, string problem)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.Built("bench/Playout.Benchmarks", "Playout.Benchmarks.dll"));
        foreach (string argument in junk)
            start.ArgumentList.Add(argument);
        using var bench = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = bench.StandardOutput.ReadToEndAsync(limit.Token);
        string error = await bench.StandardError.ReadToEndAsync(limit.Token);
        await bench.WaitForExitAsync(limit.Token);

        Assert.True(bench.ExitCode == 2, $"exit {bench.ExitCode}: {error}");
        Assert.StartsWith($"bench {junk[0]}: {problem}", error, StringComparison.Ordinal);
        Assert.Contains("(takes ", error);
        Assert.DoesNotContain("   at ", error);
        // Refused before measuring: nothing printed on the way.
        Assert.Equal("", await output);
    }
}
