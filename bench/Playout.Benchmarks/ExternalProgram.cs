using System.Diagnostics;

namespace Playout.Benchmarks;

/// <summary>Runs a program the benchmarks need (ffmpeg to make media) to its end.</summary>
public static class ExternalProgram
{
    /// <exception cref="InvalidOperationException">It exited non-zero; the message carries its error output.</exception>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {error.Trim()}");
    }
}
