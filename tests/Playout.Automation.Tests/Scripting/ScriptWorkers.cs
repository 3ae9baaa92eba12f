namespace Playout.Automation.Tests.Scripting;

/// <summary>
/// Tests that start script workers run one at a time: a test that checks its worker was killed looks for worker
/// processes of this test process, and on a small machine workers spinning side by side would only slow each other.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class ScriptWorkers
{
    public const string Collection = "script workers";

    /// <summary>The script workers this process has started that are still running.</summary>
    public static IReadOnlyList<int> Running()
    {
        var workers = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so count from its closing parenthesis.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                int parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent == Environment.ProcessId && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("playout-script-worker", StringComparison.Ordinal))
                    workers.Add(pid);
            }
            catch (IOException)
            {
                // It ended while we looked.
            }
        }
        return workers;
    }
}
