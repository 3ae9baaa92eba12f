using System.Diagnostics;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Security;

/// <summary>net-snmp's snmptrapd on a free loopback port with a configuration of the test's own, logging to a file the test reads.</summary>
internal sealed class SnmpTrapReceiver : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Process _process;

    public SnmpTrapReceiver(IEnumerable<string> configuration)
    {
        Port = FreePorts.Udp();
        File.WriteAllLines(_folder.File("snmptrapd.conf"), configuration);
        var start = new ProcessStartInfo("snmptrapd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "-C", "-c", _folder.File("snmptrapd.conf"), "-Lf", LogPath, "-On", "-n", $"udp:127.0.0.1:{Port}" })
            start.ArgumentList.Add(argument);
        start.Environment["SNMP_PERSISTENT_DIR"] = _folder.Path;
        start.Environment["SNMPCONFPATH"] = _folder.Path;
        start.Environment["MIBS"] = "";
        _process = Process.Start(start) ?? throw new InvalidOperationException("snmptrapd did not start");
        _process.StandardOutput.ReadToEndAsync();
        _process.StandardError.ReadToEndAsync();
        if (!WaitForLog("NET-SNMP version", TimeSpan.FromSeconds(20)))
            throw new InvalidOperationException($"snmptrapd did not come up: {Log}");
    }

    public int Port { get; }

    private string LogPath => _folder.File("traps.log");

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    /// <summary>Waits until the log holds <paramref name="text"/>; false when it does not within <paramref name="timeout"/>.</summary>
    public bool WaitForLog(string text, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout)
        {
            if (Log.Contains(text, StringComparison.Ordinal))
                return true;
            Thread.Sleep(50);
        }
        return false;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
        _folder.Dispose();
    }
}
