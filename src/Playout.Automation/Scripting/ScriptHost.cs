using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// Compiles and runs C# schedule scripts (docs/SCRIPTING.md) against a <see cref="ScriptContext"/>. A run never
/// touches a channel: it returns a <see cref="ScriptResult"/>, and only a successful run's schedule is applied, in one
/// <c>ChannelAutomation.Apply</c> (<see cref="RunAndApplyAsync(string, ChannelAutomation, bool, Func{string, TimeSpan?}?, CancellationToken)"/>).
/// Scripts run on a thread of their own, never the caller's (so never a channel's tick or pump thread). Compiled
/// scripts are cached by the hash of their text. Scripts are trusted operator code, not a sandbox: the references
/// are limited to keep the API obvious, not to stop a script reaching the rest of the process.
/// </summary>
public sealed class ScriptHost(TimeSpan? timeLimit = null)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>The name compile errors and stack traces give the script; runtime errors are found in the trace by it.</summary>
    private const string ScriptPath = "script.csx";

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(
            typeof(object).Assembly, Assembly.Load("System.Runtime"), typeof(Enumerable).Assembly,
            typeof(ImmutableArray).Assembly, typeof(ScriptGlobals).Assembly)
        .WithImports("System", "System.Collections.Generic", "System.Linq", "System.Threading",
            "Playout.Automation.Schedules", "Playout.Automation.Scripting")
        // Debug information and a file path give a runtime exception's stack trace the script's line numbers.
        .WithFilePath(ScriptPath)
        .WithFileEncoding(Encoding.UTF8)
        .WithEmitDebugInformation(true);

    private readonly ConcurrentDictionary<string, Lazy<Compiled>> _cache = new(StringComparer.Ordinal);

    /// <summary>How long a script may run (compiling does not count).</summary>
    public TimeSpan TimeLimit { get; } = timeLimit ?? DefaultTimeLimit;

    /// <summary>
    /// Compiles (or takes from the cache) and runs <paramref name="code"/>. A script still running at <see cref="TimeLimit"/>
    /// has its <see cref="ScriptGlobals.Cancellation"/> cancelled and is abandoned: .NET cannot abort a thread, so a
    /// loop that never checks the token goes on burning its (background) thread until the process ends, but its
    /// result is never read and the run reports "script exceeded its N s limit".
    /// </summary>
    public async Task<ScriptResult> RunAsync(string code, ScriptContext context, CancellationToken cancel = default)
    {
        // Compiling takes seconds the first time: off the caller's thread too.
        var compiled = await Task.Run(() => Compile(code), cancel).ConfigureAwait(false);
        if (compiled.Errors.Length > 0)
            return ScriptResult.Failed(context.Schedule, [], compiled.Errors);
        return await Execute(compiled.Script, context, cancel).ConfigureAwait(false);
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

    private Compiled Compile(string code)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        // Lazy: two callers of the same new script compile it once. Roslyn cannot unload a script's assembly anyway,
        // so the cache costs little beyond what the process already keeps.
        return _cache.GetOrAdd(key, _ => new Lazy<Compiled>(() =>
        {
            var script = CSharpScript.Create<object>(code, Options, typeof(ScriptGlobals));
            var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Select(ErrorOf).ToArray();
            return new Compiled(script, errors);
        })).Value;
    }

    private async Task<ScriptResult> Execute(Script<object> script, ScriptContext context, CancellationToken cancel)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var token = limit.Token;
        var globals = new ScriptGlobals(context, token);
        var done = new TaskCompletionSource<ChannelSchedule>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A thread of its own rather than the pool's: a runaway script then starves no one, and as a background
        // thread it does not keep the process alive.
        var thread = new Thread(() =>
        {
            try
            {
                script.RunAsync(globals, token).GetAwaiter().GetResult();
                // A script that swallowed its cancellation and finished late still has no result.
                token.ThrowIfCancellationRequested();
                done.TrySetResult(globals.Result());
            }
            catch (Exception error)
            {
                done.TrySetException(error);
            }
        }) { IsBackground = true, Name = "playout script" };
        limit.CancelAfter(TimeLimit);
        thread.Start();
        await Task.WhenAny(done.Task, Task.Delay(Timeout.Infinite, token)).ConfigureAwait(false);
        if (!done.Task.IsCompletedSuccessfully && token.IsCancellationRequested)
        {
            // Out of time (or cancelled): whatever the script does from now on is never read. The CTS is left to the
            // abandoned script, which may still be holding its token.
            var log = globals.Close();
            var why = cancel.IsCancellationRequested ? "the script was cancelled" : $"script exceeded its {TimeLimit.TotalSeconds:0.###} s limit";
            return ScriptResult.Failed(context.Schedule, log, new ScriptError(why));
        }
        limit.Dispose();
        try
        {
            var schedule = await done.Task.ConfigureAwait(false);
            return ScriptResult.Succeeded(context.Schedule, schedule, globals.Close());
        }
        catch (Exception error)
        {
            return ScriptResult.Failed(context.Schedule, globals.Close(), new ScriptError($"{error.GetType().Name}: {error.Message}", LineOf(error)));
        }
    }

    private static ScriptError ErrorOf(Diagnostic d)
    {
        var at = d.Location.GetLineSpan().StartLinePosition;
        return new ScriptError($"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}", at.Line + 1, at.Character + 1);
    }

    /// <summary>The script line the exception came from: the innermost frame of the script in its stack trace.</summary>
    private static int? LineOf(Exception error) =>
        new StackTrace(error, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() == ScriptPath && f.GetFileLineNumber() > 0)?.GetFileLineNumber();

    private sealed record Compiled(Script<object> Script, ScriptError[] Errors);
}
