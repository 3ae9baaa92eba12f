using Playout.TestSupport;

namespace Playout.Snmp.Tests;

/// <summary>Runs the real net-snmp command-line tools against the agent under test.</summary>
internal static class NetSnmp
{
    /// <summary>The MIB folder (configs/) so the tools can read PLAYOUT-MIB by name.</summary>
    public static string ConfigsDirectory => Repository.File("configs");

    /// <summary>Runs <paramref name="tool"/> and returns its exit code, stdout and stderr (the tools print errors there).</summary>
    public static Task<(int ExitCode, string Output, string Error)> Run(string tool, params string[] arguments) => Task.Run(() =>
    {
        // No user or system snmp.conf may change what the tools print.
        var result = ExternalTool.Execute(tool, arguments, timeout: TimeSpan.FromSeconds(60),
            environment: new Dictionary<string, string> { ["SNMPCONFPATH"] = Path.GetTempPath() });
        return (result.ExitCode, result.OutputText, result.Error);
    });

    /// <summary>The common arguments for a v2c request to <paramref name="port"/> on loopback: numeric OIDs, short timeout.</summary>
    public static string[] V2c(int port, string community, params string[] rest) =>
        ["-v2c", "-c", community, "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{port}", .. rest];
}
