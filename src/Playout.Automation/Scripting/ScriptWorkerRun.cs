using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Playout.Automation.Scripting;

/// <summary>
/// One script run in a worker process of its own (<c>playout-script-worker</c>, beside the service's assemblies): the
/// service sends the compiled script and its context, answers the script's media lookups and collects its log, and
/// kills the worker when the script passes its time or memory limit or the caller cancels. The worker runs at the
/// lowest CPU priority, so a spinning script takes only CPU time the service's threads leave over.
/// </summary>
internal sealed class ScriptWorkerRun : IDisposable
{
    public const string WorkerName = "playout-script-worker";

    /// <summary>How long a worker may take to start (load the runtime and the script) before its time limit starts.</summary>
    private static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MemoryPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a worker that has reported its outcome (or closed its output) may take to exit before it is killed.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    /// <summary>A script that logs more than this has the rest of its log dropped (the service keeps the log in memory).</summary>
    private const int MaxLogLines = 10_000;

    private readonly Process _process;
    private readonly ScriptLimits _limits;
    private readonly List<string> _log = [];
    /// <summary>The first line the worker wrote to stderr: what a crash says (a stack trace follows).</summary>
    private string? _firstError;
    private string _deadline = $"the script worker did not start within {StartAllowance.TotalSeconds:0} s";
    private string? _stopped;

    private ScriptWorkerRun(Process process, ScriptLimits limits)
    {
        _process = process;
        _limits = limits;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
                Interlocked.CompareExchange(ref _firstError, line.Trim(), null);
        };
        _process.BeginErrorReadLine();
    }

    public static async Task<ScriptResult> RunAsync(CompiledScript script, ScriptContext context, ScriptLimits limits, CancellationToken cancel)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, WorkerName + ".dll");
        if (!File.Exists(worker))
            return ScriptResult.Failed(context.Schedule, [], new ScriptError($"the script worker is not installed ({worker} not found)"));
        Process? process;
        try
        {
            process = Process.Start(StartInfo(worker, limits));
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return ScriptResult.Failed(context.Schedule, [], new ScriptError($"could not start the script worker ({DotnetHost()} {worker}): {error.Message}"));
        }
        if (process is null)
            return ScriptResult.Failed(context.Schedule, [], new ScriptError($"could not start the script worker ({DotnetHost()} {worker})"));
        using var run = new ScriptWorkerRun(process, limits);
        run.LowerPriority();
        var outcome = await run.Converse(script, context, cancel).ConfigureAwait(false);
        await run.Ended().ConfigureAwait(false);
        return outcome switch
        {
            { Changes: { } changes } => ScriptResult.Succeeded(context.Schedule, changes.ApplyTo(context.Schedule), run._log),
            { Error: { } error } => ScriptResult.Failed(context.Schedule, run._log, error),
            _ => ScriptResult.Failed(context.Schedule, run._log, new ScriptError(run.WhyItEnded())),
        };
    }

    /// <summary>Kills a worker still running (a run that ended by an exception or a cancellation), then lets the process go.</summary>
    public void Dispose()
    {
        Stop("the run was abandoned");
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string worker, ScriptLimits limits)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(worker);
        // Nothing of the service's environment (API tokens, configuration) but what the runtime needs to start.
        var inherited = start.Environment.Where(e => e.Key is "PATH" or "HOME" or "TMPDIR" || e.Key.StartsWith("DOTNET_ROOT", StringComparison.Ordinal)).ToList();
        start.Environment.Clear();
        foreach (var (name, value) in inherited)
            start.Environment[name] = value;
        // No debugger, profiler or event pipe to attach to the worker through.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        // The GC refuses to grow the heap past this: the script gets an OutOfMemoryException, reported as over its limit.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)limits.MemoryMegabytes << 20).ToString("X", CultureInfo.InvariantCulture);
        // One heap, collected on the script's own (low-priority) thread: no server or background GC threads.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        return start;
    }

    /// <summary>
    /// Puts the worker at the lowest CPU priority (nice 19 on Linux), so a spinning script only gets CPU time the
    /// service's threads (a channel's tick above all) leave over. On Linux this lowers the worker's main thread, where
    /// the script runs: it is done before the request is sent, so every thread the worker starts for the script
    /// afterwards (the pipe's, timers') inherits it; scripts may not declare finalizers, which run on a thread of the runtime's.
    /// </summary>
    private void LowerPriority()
    {
        try
        {
            _process.PriorityClass = ProcessPriorityClass.Idle;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It has already ended: the run reports why.
        }
    }

    /// <summary>The dotnet host this process runs on (the worker is a framework-dependent assembly), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Sends the request, then serves the worker's messages until its outcome, or until it ends or is killed (null).</summary>
    private async Task<WorkerOutcome?> Converse(CompiledScript script, ScriptContext context, CancellationToken cancel)
    {
        using var deadline = new Timer(_ => Stop(Volatile.Read(ref _deadline)), null, StartAllowance, Timeout.InfiniteTimeSpan);
        using var watchdog = new Timer(_ => CheckMemory(), null, MemoryPoll, MemoryPoll);
        using var cancelled = cancel.Register(() => Stop("the script was cancelled"));
        var request = new ScriptRequest(script.Assembly, script.Symbols, script.EntryType, script.EntryMethod,
            ScheduleData.Of(context.Schedule), context.Today, context.DayStart, context.MediaLength is not null, _limits);
        if (!await Send(request).ConfigureAwait(false))
            return null;
        while (await _process.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            WorkerMessage message;
            try
            {
                message = ScriptWire.Read<WorkerMessage>(line);
            }
            catch (JsonException)
            {
                Stop("the script worker sent something that is not a message");
                return null;
            }
            if (message.Done is { } done)
                return done;
            if (message.Started)
            {
                // From here the script's own limit counts.
                Volatile.Write(ref _deadline, _limits.TimeExceeded);
                deadline.Change(_limits.Time, Timeout.InfiniteTimeSpan);
            }
            else if (message.Log is { } text)
                AddLog(text);
            else if (message.MediaLength is { } path)
                await Send(new MediaAnswer(LengthOf(context, path))).ConfigureAwait(false);
        }
        return null;
    }

    private static TimeSpan? LengthOf(ScriptContext context, string path)
    {
        try
        {
            return context.MediaLength?.Invoke(path);
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or ArgumentException)
        {
            return null; // as for a file the library does not know
        }
    }

    /// <summary>Writes one message to the worker; false when it has gone (its error comes from <see cref="WhyItEnded"/>).</summary>
    private async Task<bool> Send<T>(T message)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(ScriptWire.Write(message)).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void AddLog(string line)
    {
        if (_log.Count < MaxLogLines)
            _log.Add(line);
        else if (_log.Count == MaxLogLines)
            _log.Add($"… the rest of the log is dropped (more than {MaxLogLines} lines)");
    }

    private void CheckMemory()
    {
        try
        {
            _process.Refresh();
            if (_process.WorkingSet64 > (long)(_limits.MemoryMegabytes + ScriptLimits.RuntimeOverheadMegabytes) << 20)
                Stop(_limits.MemoryExceeded);
        }
        catch (InvalidOperationException)
        {
            // It has exited.
        }
    }

    /// <summary>Kills the worker (the first reason given is the one reported).</summary>
    private void Stop(string why)
    {
        Interlocked.CompareExchange(ref _stopped, why, null);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Waits for the worker to end (it does once it has reported, crashed or been killed), killing it if it does not.</summary>
    private async Task Ended()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Stop("the script worker did not end");
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Why the (ended) worker gave no outcome: the limit or cancellation it was killed for, else its exit and first error lines.</summary>
    private string WhyItEnded()
    {
        if (Volatile.Read(ref _stopped) is { } why)
            return why;
        return Volatile.Read(ref _firstError) switch
        {
            // The heap limit reached outside the script's own code (e.g. while the runtime grew a stack) ends the process.
            { } crash when crash.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal) => _limits.MemoryExceeded,
            { } crash when crash.StartsWith("Stack overflow", StringComparison.Ordinal) =>
                "script overflowed its stack (a recursion that never ends?)",
            { } crash => $"the script worker ended without a result (exit code {_process.ExitCode}): {crash}",
            null => $"the script worker ended without a result (exit code {_process.ExitCode})",
        };
    }
}
