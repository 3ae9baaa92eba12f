using System.Diagnostics;
using System.Net;
using System.Text;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Manager;

/// <summary>
/// A real net-snmp snmpd on a free loopback port with a temporary configuration: "public" reads, "private" writes, and
/// any further lines given (SNMPv3 users: <c>createUser</c>, <c>rouser</c>, <c>rwuser</c>).
/// </summary>
internal sealed class Snmpd : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;

    private Snmpd(Process process, int port, string folder)
    {
        _process = process;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
        _folder = folder;
        process.OutputDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IPEndPoint EndPoint { get; }

    public const string Description = "playout manager test peer";

    public static async Task<Snmpd> Start(params string[] extraConfig)
    {
        var folder = Directory.CreateTempSubdirectory("snmpd-").FullName;
        var config = Path.Combine(folder, "snmpd.conf");
        // sysContact is left out of the file: net-snmp makes configured system objects read-only.
        await File.WriteAllLinesAsync(config, ["rocommunity public 127.0.0.1", "rwcommunity private 127.0.0.1", $"sysDescr {Description}", "sysLocation test", .. extraConfig]);
        var port = FreePorts.Udp();
        var start = new ProcessStartInfo("snmpd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config, $"udp:127.0.0.1:{port}" }) start.ArgumentList.Add(argument);
        start.Environment["SNMP_PERSISTENT_DIR"] = folder;
        start.Environment["SNMPCONFPATH"] = folder;
        var snmpd = new Snmpd(Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start"), port, folder);
        var deadline = Stopwatch.StartNew();
        while (!snmpd.Log.Contains("NET-SNMP version", StringComparison.Ordinal))
        {
            if (snmpd._process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException($"snmpd did not start: {snmpd.Log}");
            await Task.Delay(20);
        }
        return snmpd;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
