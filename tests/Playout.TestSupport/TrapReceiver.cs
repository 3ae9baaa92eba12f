using System.Diagnostics;
using System.Net;
using System.Text;

namespace Playout.TestSupport;

/// <summary>A real snmptrapd on a free loopback port, logging what it receives (and answering informs) to its stdout.</summary>
public sealed class TrapReceiver : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;

    private TrapReceiver(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        _folder = folder;
        process.OutputDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts snmptrapd; <paramref name="configuration"/> adds snmptrapd.conf lines (createUser for SNMPv3).</summary>
    public static async Task<TrapReceiver> Start(params string[] configuration)
    {
        var folder = Directory.CreateTempSubdirectory("snmptrapd-").FullName;
        var config = Path.Combine(folder, "snmptrapd.conf");
        await File.WriteAllLinesAsync(config, ["disableAuthorization yes", .. configuration]);
        var port = FreePorts.Udp();
        var start = new ProcessStartInfo("snmptrapd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config, "-On", $"udp:127.0.0.1:{port}" }) start.ArgumentList.Add(argument);
        start.Environment["SNMP_PERSISTENT_DIR"] = folder;
        start.Environment["SNMPCONFPATH"] = folder;
        var receiver = new TrapReceiver(Process.Start(start) ?? throw new InvalidOperationException("snmptrapd did not start"), port, folder);
        await receiver.WaitFor("NET-SNMP version", TimeSpan.FromSeconds(10));
        return receiver;
    }

    /// <summary>Waits until the log contains <paramref name="text"/>; false on timeout.</summary>
    public async Task<bool> WaitFor(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Log.Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited) return false;
            await Task.Delay(20);
        }
        return Log.Contains(text, StringComparison.Ordinal);
    }


    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
