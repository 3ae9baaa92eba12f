using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>
/// Two pseudo-terminals joined by socat, standing in for a serial cable between a driver and a device's twin:
/// <see cref="Host"/> and <see cref="Device"/> are their paths. <see cref="Pull"/> unplugs the cable (socat stops and both
/// ends go away), <see cref="Plug"/> plugs it back at the same paths. With <c>tcp</c> the host end is a TCP port on
/// loopback instead (<c>tcp://127.0.0.1:port</c>), as a serial device server puts a device's serial port on the network.
/// </summary>
public sealed class SerialLinePair : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly int _tcpPort;
    private Process? _socat;

    public SerialLinePair(bool tcp = false)
    {
        _tcpPort = tcp ? FreePorts.Tcp() : 0;
        Plug();
    }

    public string Host => _tcpPort > 0 ? $"tcp://127.0.0.1:{_tcpPort}" : _folder.File("host");
    public string Device => _folder.File("device");

    public void Plug()
    {
        // All three streams redirected: a socat left behind must not hold the test host's output open (dotnet test waits for it).
        var start = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // The device's pseudo-terminal first: socat opens it, then listens for the driver's one connection.
        string host = _tcpPort > 0 ? $"tcp-listen:{_tcpPort},bind=127.0.0.1,reuseaddr" : $"pty,raw,echo=0,link={Host}";
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={Device}", host])
            start.ArgumentList.Add(argument);
        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start (apt install socat)");
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(Device) && (_tcpPort > 0 ? Listening(_tcpPort) : File.Exists(Host))))
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
        if (_tcpPort == 0)
            File.Delete(Host);
        File.Delete(Device);
    }

    /// <summary>Whether something listens on the loopback TCP port (read from the kernel's table, not by connecting: socat takes one connection).</summary>
    private static bool Listening(int port) =>
        File.ReadLines("/proc/net/tcp").Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f.Length > 3 && f[3] == "0A" && f[1].EndsWith($":{port:X4}", StringComparison.Ordinal));

    public void Dispose()
    {
        Pull();
        _folder.Dispose();
    }
}
