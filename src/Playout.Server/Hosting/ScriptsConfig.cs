using Playout.Automation.Scripting;

namespace Playout.Server.Hosting;

/// <summary>The limits of the C# scripts the API runs (docs/SCRIPTING.md): a script past either is stopped.</summary>
public sealed record ScriptsConfig
{
    /// <summary>An hour: longer, and a stuck script would hold one of the host's few workers and its HTTP request for too long.</summary>
    public const double MaxTimeLimitSeconds = 3600;

    /// <summary>16 GB: the host runs up to <see cref="ScriptHost.MaxWorkers"/> scripts at once, each with this much.</summary>
    public const int MaxMemoryMegabytes = 16_384;

    /// <summary>Seconds a script may run (default 10).</summary>
    public double TimeLimitSeconds { get; init; } = ScriptLimits.Default.Time.TotalSeconds;

    /// <summary>Megabytes of memory a script may use (default 256; at least 32).</summary>
    public int MemoryMegabytes { get; init; } = ScriptLimits.Default.MemoryMegabytes;

    /// <summary>The service's script host, held to these limits (one per service: it caches compiled scripts).</summary>
    public ScriptHost CreateHost() => new(TimeSpan.FromSeconds(TimeLimitSeconds), MemoryMegabytes);

    internal void Validate(string where, ConfigProblems problems)
    {
        if (TimeLimitSeconds is not (> 0 and <= MaxTimeLimitSeconds))
            problems.Add($"{where}.timeLimitSeconds", $"{TimeLimitSeconds} is not a number of seconds above 0 and at most {MaxTimeLimitSeconds}");
        if (MemoryMegabytes is < ScriptLimits.MinimumMemoryMegabytes or > MaxMemoryMegabytes)
            problems.Add($"{where}.memoryMegabytes", $"{MemoryMegabytes} is not a number of megabytes from {ScriptLimits.MinimumMemoryMegabytes} to {MaxMemoryMegabytes}");
    }
}
