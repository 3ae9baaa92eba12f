using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>
/// A test that drives the service with the real <c>casparcg-connection</c> client from npm: installed once per machine
/// into a temp folder (<see cref="Folder"/>); skipped, with npm's reason, where npm or the registry is not reachable.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CasparcgConnectionFactAttribute : FactAttribute
{
    public const string Version = "6.3.3";

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), $"playout-casparcg-connection-{Version}");

    private static readonly Lazy<string?> Missing = new(Install);

    public CasparcgConnectionFactAttribute()
    {
        if (Missing.Value is { } reason)
            Skip = $"casparcg-connection {Version} could not be installed from npm: {reason}";
    }

    /// <summary>Installs the client unless it is there; null when it is, or why it is not.</summary>
    private static string? Install()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", "casparcg-connection", "package.json")))
            return null;
        try
        {
            Directory.CreateDirectory(Folder);
            var result = ExternalTool.Execute("npm", ["install", $"casparcg-connection@{Version}", "--prefix", Folder, "--no-audit", "--no-fund", "--no-save"],
                timeout: TimeSpan.FromMinutes(3));
            return result.ExitCode == 0 ? null : $"npm exited {result.ExitCode}: {result.Error.Trim()}";
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return error.Message;
        }
    }
}
