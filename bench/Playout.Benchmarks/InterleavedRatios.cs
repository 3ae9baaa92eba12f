using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// <c>bench ratios</c>: the BenchmarkDotNet suites' ratios, each measured against its baseline in alternating short blocks.
/// On a shared host the machine's speed changes for seconds at a time (a neighbour on the same last-level cache): a
/// BenchmarkDotNet case measures for about four seconds after its baseline did, so the same 1080p kernel read 1.03× in
/// one process and 1.35× in the next, and once the floor itself read 134 µs instead of 108 µs. Here every round times
/// the baseline and each benchmark of a category back to back, in an order that turns each round, and a ratio is taken
/// within the round; the report gives the median round and the spread of all rounds.
/// </summary>
public static class InterleavedRatios
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new BenchArguments("ratios", args, "--filter TEXT, --rounds N, --block-ms MS", ["--filter", "--rounds", "--block-ms"]);
        string filter = arguments.Text("--filter") ?? "";
        int rounds = arguments.Whole("--rounds", 15, 1);
        var block = TimeSpan.FromMilliseconds(arguments.Whole("--block-ms", 100, 1));
        var suites = typeof(InterleavedRatios).Assembly.GetTypes()
            .Where(t => t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) && Benchmarks(t).Any())
            .OrderBy(t => t.Name).ToList();
        if (suites.Count == 0)
        {
            output.WriteLine($"bench ratios: no benchmark class matches '{filter}'");
            return 2;
        }
        output.WriteLine($"# Interleaved ratios, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rounds} rounds of {block.TotalMilliseconds:F0} ms blocks");
        output.WriteLine($"# {OutputStores.Decision()}");
        foreach (var suite in suites)
            RunSuite(suite, rounds, block, output);
        return 0;
    }

    private static IEnumerable<MethodInfo> Benchmarks(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static void RunSuite(Type suite, int rounds, TimeSpan block, TextWriter output)
    {
        var parameters = suite.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null).ToList();
        // Each category is one comparison: its baseline (the floor) and the benchmarks measured against it.
        var groups = Benchmarks(suite).GroupBy(Category).ToList();
        output.WriteLine();
        output.WriteLine($"## {suite.Name}");
        output.WriteLine();
        output.WriteLine($"| Benchmark | {string.Join(", ", parameters.Select(p => p.Name))} | Median | Ratio (median round) | Ratio (all rounds) |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var values in Combinations(parameters))
        {
            object instance = Activator.CreateInstance(suite)!;
            for (int i = 0; i < parameters.Count; i++)
                parameters[i].SetValue(instance, values[i]);
            Invoke<GlobalSetupAttribute>(instance);
            try
            {
                foreach (var group in groups)
                {
                    var methods = group.OrderByDescending(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline).ToList();
                    bool baseline = methods[0].GetCustomAttribute<BenchmarkAttribute>()!.Baseline;
                    var actions = methods.Select(m => Call(instance, m)).ToList();
                    var (times, ratios) = Measure(actions, rounds, block);
                    for (int k = 0; k < methods.Count; k++)
                    {
                        var ratio = ratios[k];
                        // Per operation, as BenchmarkDotNet reports a benchmark that does several in one call.
                        double time = Median(times[k]) / methods[k].GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke;
                        string shown = baseline ? $"{Median(ratio):F2} | {ratio.Min():F2}–{ratio.Max():F2}" : "— | —";
                        output.WriteLine($"| {methods[k].Name} | {string.Join(", ", values)} | {Time(time)} | {shown} |");
                    }
                }
            }
            finally
            {
                Invoke<GlobalCleanupAttribute>(instance);
            }
        }
    }

    /// <summary>A compiled call of a benchmark, its result (where it returns one, as BenchmarkDotNet's often do) discarded.</summary>
    private static Action Call(object instance, MethodInfo method) =>
        Expression.Lambda<Action>(Expression.Call(Expression.Constant(instance), method)).Compile();

    /// <summary>Every combination of the suite's <c>[Params]</c> values, as BenchmarkDotNet runs them (one empty one without any).</summary>
    private static IEnumerable<object?[]> Combinations(List<PropertyInfo> parameters) =>
        parameters.Aggregate<PropertyInfo, IEnumerable<object?[]>>([[]],
            (combinations, parameter) => combinations.SelectMany(c => parameter.GetCustomAttribute<ParamsAttribute>()!.Values.Select(v => (object?[])[.. c, v])));

    private static string Category(MethodInfo method) =>
        method.GetCustomAttributes<BenchmarkCategoryAttribute>().SelectMany(c => c.Categories).FirstOrDefault() ?? "";

    private static void Invoke<TAttribute>(object instance) where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
            method.Invoke(instance, null);
    }

    /// <summary>
    /// Per benchmark, the median call time of each round, and its ratio to the baseline's (the first action) in that round.
    /// A warm-up of a second each lets tiered compilation reach its optimised code first.
    /// </summary>
    private static (List<double>[] Times, List<double>[] Ratios) Measure(List<Action> actions, int rounds, TimeSpan block)
    {
        foreach (var action in actions)
            Block(action, TimeSpan.FromSeconds(1));
        var times = actions.Select(_ => new List<double>()).ToArray();
        var ratios = actions.Select(_ => new List<double>()).ToArray();
        var round = new double[actions.Count];
        for (int r = 0; r < rounds; r++)
        {
            for (int j = 0; j < actions.Count; j++)
            {
                int k = (j + r) % actions.Count;
                round[k] = Block(actions[k], block);
            }
            for (int k = 0; k < actions.Count; k++)
            {
                times[k].Add(round[k]);
                ratios[k].Add(round[k] / round[0]);
            }
        }
        return (times, ratios);
    }

    /// <summary>The median time of one call, in seconds, over calls made for <paramref name="length"/> (at least five; the first, which may find cold caches, left out).</summary>
    private static double Block(Action action, TimeSpan length)
    {
        var calls = new List<double>();
        action();
        var clock = Stopwatch.StartNew();
        while (calls.Count < 5 || clock.Elapsed < length)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            calls.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return Median(calls);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Time(double seconds) =>
        seconds >= 1e-3 ? $"{seconds * 1e3:F2} ms" : $"{seconds * 1e6:F1} µs";
}
