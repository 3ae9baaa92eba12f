using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Hosts;

/// <summary>`dotnet playout-hwsim.dll ARGS` started by a test: what it prints, collected line by line, and commands typed on its stdin.</summary>
internal sealed partial class TwinProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    public TwinProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "playout-hwsim.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
                lock (_lines) _lines.Add(text);
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
                lock (_lines) _lines.Add($"stderr: {text}");
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    /// <summary>The loopback port it says it listens on, once it has said.</summary>
    public async Task<int> Listening()
    {
        await Until(() => Lines.Any(l => Listen().IsMatch(l)) || _process.HasExited, "the twin listening");
        var line = Lines.FirstOrDefault(l => Listen().IsMatch(l)) ?? throw new InvalidOperationException($"the twin exited: {string.Join('\n', Lines)}");
        return int.Parse(Listen().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Types <paramref name="command"/> and waits for its answer, the next line it prints.</summary>
    public async Task<string> Type(string command)
    {
        int before = Lines.Count;
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        await Until(() => Lines.Count > before, $"an answer to '{command}'");
        return Lines[before];
    }

    /// <summary>Types quit and waits for the exit code.</summary>
    public async Task<int> Quit()
    {
        await _process.StandardInput.WriteLineAsync("quit");
        await _process.StandardInput.FlushAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }

    [GeneratedRegex("listening on 127\\.0\\.0\\.1:([0-9]+)")]
    private static partial Regex Listen();
}
