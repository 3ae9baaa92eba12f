using System.Globalization;
using System.Text.RegularExpressions;

namespace Playout.Benchmarks;

/// <summary>
/// CPU time of this thread or of each thread of this process, from Linux's schedstat (nanoseconds on a CPU) and
/// comm (the thread's name, cut to 15 characters). Threads FFmpeg and x264 start inherit their creator's name, so a
/// channel's decoder threads count with its decode thread and its encoder's with its encode thread.
/// </summary>
public static partial class ThreadCpu
{
    /// <summary>Nanoseconds on a CPU so far, by thread id, with each thread's name.</summary>
    public static Dictionary<int, (string Name, long Nanoseconds)> Snapshot()
    {
        var threads = new Dictionary<int, (string, long)>();
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                long ns = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (File.ReadAllText(Path.Combine(task, "comm")).Trim(), ns);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }
        return threads;
    }

    /// <summary>The calling thread's nanoseconds on a CPU so far.</summary>
    public static long Current() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Cores used between two snapshots over <paramref name="seconds"/>, summed by thread kind (the name with its channel and card numbers taken out), most first.</summary>
    public static List<(string Kind, double Cores)> ByKind(Dictionary<int, (string Name, long Nanoseconds)> before,
        Dictionary<int, (string Name, long Nanoseconds)> after, double seconds) =>
        [.. after
            .Select(t => (Kind: Kind(t.Value.Name), Ns: t.Value.Nanoseconds - (before.TryGetValue(t.Key, out var was) ? was.Nanoseconds : 0)))
            .GroupBy(t => t.Kind)
            .Select(g => (g.Key, g.Sum(t => t.Ns) / 1e9 / seconds))
            .OrderByDescending(g => g.Item2)];

    private static string Kind(string name) => Numbers().Replace(name, "#");

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
