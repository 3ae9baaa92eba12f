using System.Diagnostics;
using System.Net.Http.Headers;
using Playout.Server.Tests.Cli;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>The service as a real process (`playout serve --config FILE`), its output captured, stopped by SIGINT or killed outright.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string http)
    {
        _process = process;
        Http = http;
        Output = process.StandardOutput.ReadToEndAsync();
        Errors = process.StandardError.ReadToEndAsync();
    }

    public string Http { get; }
    public string Url => $"http://{Http}";
    public Task<string> Output { get; }
    public Task<string> Errors { get; }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public static ServiceProcess Start(string config, string http)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[CliRunner.Assembly, "serve", "--config", config])
            start.ArgumentList.Add(argument);
        return new ServiceProcess(Process.Start(start)!, http);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until the service answers its API: it listens before its channels go on air, and answers 503 until they are.</summary>
    public async Task WaitUntilServing()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/api/status");
                if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the service did not start (exited: {_process.HasExited}): {(_process.HasExited ? await Errors : "")}");
    }

    /// <summary>The exit code of a service that stops by itself (a failed start).</summary>
    public int WaitForExit(TimeSpan limit)
    {
        Assert.True(_process.WaitForExit(limit), $"the service did not exit within {limit}");
        return _process.ExitCode;
    }

    /// <summary>kill -9: no chance to flush or clean up.</summary>
    public void Kill()
    {
        ExternalTool.Run("kill", ["-KILL", _process.Id.ToString()]);
        Assert.True(_process.WaitForExit(10_000), "the service survived SIGKILL");
    }

    /// <summary>Ctrl-C (or another signal, e.g. "TERM" as systemd stops it), and the exit code.</summary>
    public int Stop(string signal = "INT")
    {
        if (!_process.HasExited)
            ExternalTool.Run("kill", [$"-{signal}", _process.Id.ToString()]);
        Assert.True(_process.WaitForExit(20_000), $"the service did not stop on SIG{signal}");
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
