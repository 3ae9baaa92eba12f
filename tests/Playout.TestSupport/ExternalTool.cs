using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>Runs a real program (ffmpeg, ffprobe, our own CLI …) as the tests use peers.</summary>
public static class ExternalTool
{
    /// <summary>Runs the program to completion and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">It exited non-zero or ran past the timeout; the message carries stderr.</exception>
    public static string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Execute(program, arguments, timeout: timeout, environment: environment);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Error}{result.OutputText}");
        return result.OutputText;
    }

    /// <summary>Runs the program with <paramref name="input"/> on its stdin; returns its exit code, stdout bytes and stderr.</summary>
    /// <exception cref="InvalidOperationException">It ran past the timeout.</exception>
    public static ToolResult Execute(string program, IEnumerable<string> arguments, byte[]? input = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} timed out");
        }
        copy.Wait();
        return new ToolResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
