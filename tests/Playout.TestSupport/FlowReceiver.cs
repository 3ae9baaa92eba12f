using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>Runs a receiving peer (ffmpeg, gst-launch-1.0) while the test sends it a flow, tick by tick, until it exits.</summary>
public static class FlowReceiver
{
    /// <summary>
    /// Starts <paramref name="program"/>, calls <paramref name="send"/> with ticks 0, 1, … until it exits or
    /// <paramref name="limit"/> passes, and returns how it ended.
    /// </summary>
    /// <exception cref="InvalidOperationException">It was still running 10 s after the sending stopped.</exception>
    public static ToolResult WhileSending(string program, IEnumerable<string> arguments, Action<long> send, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        for (long tick = 0; !process.HasExited && clock.Elapsed < limit; tick++)
            send(tick);
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} had not finished {limit.TotalSeconds:0} s after sending began: {stderr.Result}");
        }
        return new ToolResult(process.ExitCode, System.Text.Encoding.UTF8.GetBytes(stdout.Result), stderr.Result);
    }
}
