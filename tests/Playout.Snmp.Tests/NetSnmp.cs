using System.Diagnostics;

namespace Playout.Snmp.Tests;

/// <summary>Runs the real net-snmp command-line tools against the agent under test.</summary>
internal static class NetSnmp
{
    /// <summary>The MIB folder (configs/) so the tools can read PLAYOUT-MIB by name.</summary>
    public static string ConfigsDirectory => Path.Combine(RepoRoot, "configs");

    public static string RepoRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Playout.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Playout.sln not found above the test binaries");
        }
    }

    /// <summary>Runs <paramref name="tool"/> and returns its exit code, stdout and stderr (the tools print errors there).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No user or system snmp.conf may change what the tools print.
        start.Environment["SNMPCONFPATH"] = Path.GetTempPath();
        start.Environment["MIBDIRS"] = "+" + ConfigsDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The common arguments for a v2c request to <paramref name="port"/> on loopback: numeric OIDs, short timeout.</summary>
    public static string[] V2c(int port, string community, params string[] rest) =>
        ["-v2c", "-c", community, "-On", "-t", "2", "-r", "1", $"udp:127.0.0.1:{port}", .. rest];
}
