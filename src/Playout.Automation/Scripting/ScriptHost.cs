using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// Compiles and runs C# schedule scripts (docs/SCRIPTING.md) against a <see cref="ScriptContext"/>. A script is
/// compiled here, refused if it uses anything outside the script API (<see cref="ScriptApiCheck"/>), and run in a
/// worker process of its own at low CPU priority, killed at its <see cref="Limits"/>: a script never runs in the
/// service's process, so never on a channel's tick or automation thread. A run never touches a channel: it returns
/// a <see cref="ScriptResult"/>, and only a successful run's schedule is applied, in one
/// <c>ChannelAutomation.Apply</c> (<see cref="RunAndApplyAsync(string, ChannelAutomation, bool, Func{string, TimeSpan?}?, CancellationToken)"/>).
/// Compiled scripts are cached by the hash of their text.
/// </summary>
public sealed class ScriptHost
{
    public static readonly TimeSpan DefaultTimeLimit = ScriptLimits.Default.Time;

    /// <summary>Workers one host runs at once; more runs wait their turn, so a burst of requests cannot multiply the memory limit.</summary>
    public const int MaxWorkers = 4;

    private readonly ScriptCompiler _compiler = new();
    private readonly SemaphoreSlim _workers = new(MaxWorkers);

    /// <param name="timeLimit">How long a script may run (default 10 s).</param>
    /// <param name="memoryLimitMegabytes">How much memory a script may use (default 256 MB; at least 32).</param>
    public ScriptHost(TimeSpan? timeLimit = null, int? memoryLimitMegabytes = null)
    {
        Limits = new ScriptLimits(timeLimit ?? ScriptLimits.Default.Time, memoryLimitMegabytes ?? ScriptLimits.Default.MemoryMegabytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Limits.Time, TimeSpan.Zero, nameof(timeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MemoryMegabytes, ScriptLimits.MinimumMemoryMegabytes, nameof(memoryLimitMegabytes));
    }

    public ScriptLimits Limits { get; }

    /// <summary>
    /// Compiles (or takes from the cache) and runs <paramref name="code"/> in a worker process. A script still running
    /// at its time limit, or past its memory limit, is killed and the run fails with "script exceeded its N s limit and
    /// was stopped" (or "used more than N MB"); cancelling <paramref name="cancel"/> kills it too.
    /// </summary>
    public async Task<ScriptResult> RunAsync(string code, ScriptContext context, CancellationToken cancel = default)
    {
        // Compiling takes seconds the first time: off the caller's thread too.
        var compiled = await Task.Run(() => _compiler.Compile(code), cancel).ConfigureAwait(false);
        if (compiled.Errors.Count > 0)
            return ScriptResult.Failed(context.Schedule, [], [.. compiled.Errors]);
        // Waiting for a worker does not count against the script's time limit (only the caller's cancellation ends it).
        await _workers.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return await ScriptWorkerRun.RunAsync(compiled, context, Limits, cancel).ConfigureAwait(false);
        }
        finally
        {
            _workers.Release();
        }
    }

    /// <summary>Runs <paramref name="code"/> and, when it succeeds, hands its edit to <paramref name="apply"/> (e.g. <c>edit => automation.Apply(edit)</c>).</summary>
    public async Task<(ScriptResult Run, EditResult Applied)> RunAndApplyAsync(string code, ScriptContext context,
        Func<Func<ChannelSchedule, ChannelSchedule>, EditResult> apply, CancellationToken cancel = default)
    {
        var run = await RunAsync(code, context, cancel).ConfigureAwait(false);
        return (run, run.Ok ? apply(run.AsEdit()) : EditResult.Refused($"the script failed: {string.Join("; ", run.Errors)}"));
    }

    /// <summary>
    /// Runs <paramref name="code"/> against the channel's schedule as it is now and applies the result in one edit: all
    /// of it or nothing. Refused when the schedule changed while the script ran, or as any edit is (validation, the
    /// event on air; <paramref name="force"/> as in <see cref="ChannelAutomation.Apply"/>).
    /// </summary>
    public Task<(ScriptResult Run, EditResult Applied)> RunAndApplyAsync(string code, ChannelAutomation automation, bool force = false,
        Func<string, TimeSpan?>? mediaLength = null, CancellationToken cancel = default) =>
        RunAndApplyAsync(code, ScriptContext.Of(automation, mediaLength), edit => automation.Apply(edit, force), cancel);
}
