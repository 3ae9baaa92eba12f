using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>Runs a real third-party program (ffmpeg, ffprobe, …) the way the tests use peers: fail loudly with its stderr.</summary>
public static class ExternalTool
{
    /// <summary>Runs the program to completion and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">It exited non-zero or ran past the timeout; the message carries stderr.</exception>
    public static string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} timed out");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }
}
