using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>
/// Two pseudo-terminals joined by socat, standing in for a serial cable between a driver and a device's twin:
/// <see cref="Host"/> and <see cref="Device"/> are their paths. <see cref="Pull"/> unplugs the cable (socat stops and both
/// ends go away), <see cref="Plug"/> plugs it back at the same paths.
/// </summary>
public sealed class SerialLinePair : IDisposable
{
    private readonly TempDirectory _folder = new();
    private Process? _socat;

    public SerialLinePair() => Plug();

    public string Host => _folder.File("host");
    public string Device => _folder.File("device");

    public void Plug()
    {
        // All three streams redirected: a socat left behind must not hold the test host's output open (dotnet test waits for it).
        var start = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={Host}", $"pty,raw,echo=0,link={Device}"])
            start.ArgumentList.Add(argument);
        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start (apt install socat)");
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(Host) && File.Exists(Device)))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10) || _socat.HasExited)
            {
                Pull();
                throw new InvalidOperationException("socat made no pseudo-terminal pair within 10 s");
            }
            Thread.Sleep(10);
        }
    }

    public void Pull()
    {
        if (_socat is null)
            return;
        _socat.Kill();
        if (!_socat.WaitForExit(TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException($"socat (pid {_socat.Id}) did not exit within 10 s of being killed");
        _socat.Dispose();
        _socat = null;
        File.Delete(Host);
        File.Delete(Device);
    }

    public void Dispose()
    {
        Pull();
        _folder.Dispose();
    }
}
