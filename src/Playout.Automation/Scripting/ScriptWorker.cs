using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Playout.Automation.Scripting;

/// <summary>
/// The worker's side of a script run (the <c>playout-script-worker</c> process, docs/SCRIPTING.md): reads the
/// <see cref="ScriptRequest"/>, loads the compiled script, runs it on the calling thread and reports over the pipe
/// (<see cref="ScriptWire"/>). The service enforces the limits by killing this process; the worker only reports
/// what it can see itself (its heap limit reached, the script stopping at its cancelled token).
/// </summary>
public static class ScriptWorker
{
    /// <summary>The exit code when the service went away (its end of the pipe closed) before the script ended.</summary>
    public const int ServiceGone = 3;

    /// <summary>Longer log lines are cut: the log is for people, and the service reads it line by line.</summary>
    private const int MaxLogLine = 10_000;

    /// <summary>Runs the one script the service sends on <paramref name="input"/>; returns the process's exit code.</summary>
    /// <param name="serviceGone">Called (from another thread) when <paramref name="input"/> ends while the script runs: the worker should exit.</param>
    public static int Run(TextReader input, TextWriter output, Action serviceGone)
    {
        var request = ScriptWire.Read<ScriptRequest>(input.ReadLine() ?? throw new InvalidDataException("no request from the service"));
        var send = (WorkerMessage message) =>
        {
            string line = ScriptWire.Write(message);
            lock (output)
                output.WriteLine(line);
        };
        var answers = new BlockingCollection<MediaAnswer>();
        var listener = new Thread(() =>
        {
            while (input.ReadLine() is { } line)
                answers.Add(ScriptWire.Read<MediaAnswer>(line));
            serviceGone();
        }) { IsBackground = true, Name = "script worker pipe" };
        listener.Start();

        var schedule = request.Schedule.ToSchedule();
        Func<string, TimeSpan?>? mediaLength = request.KnowsMedia
            ? path =>
            {
                send(new WorkerMessage(MediaLength: path));
                return answers.Take().Length;
            }
            : null;
        var entry = Load(request);
        using var limit = new CancellationTokenSource();
        var globals = new ScriptGlobals(new ScriptContext(schedule, request.Today, request.DayStart, mediaLength), limit.Token,
            line => send(new WorkerMessage(Log: line.Length > MaxLogLine ? line[..MaxLogLine] + "…" : line)));
        send(new WorkerMessage(Started: true));
        limit.CancelAfter(request.Limits.Time);
        send(new WorkerMessage(Done: Execute(entry, globals, schedule, request.Limits, limit.Token)));
        return 0;
    }

    /// <summary>The script's submission factory, loaded with its symbols so that stack traces name script lines.</summary>
    private static Func<object?[], Task<object>> Load(ScriptRequest request)
    {
        var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(request.Assembly), new MemoryStream(request.Symbols));
        var type = assembly.GetType(request.EntryType, throwOnError: true)!;
        var method = type.GetMethod(request.EntryMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidDataException($"the script has no {request.EntryMethod}");
        return method.CreateDelegate<Func<object?[], Task<object>>>();
    }

    private static WorkerOutcome Execute(Func<object?[], Task<object>> entry, ScriptGlobals globals, Schedules.ChannelSchedule input,
        ScriptLimits limits, CancellationToken limit)
    {
        try
        {
            // Roslyn's submission array: the globals, then one slot per submission (a script is one).
            entry([globals, null]).GetAwaiter().GetResult();
            // A script that swallowed its cancellation and finished late still has no result.
            limit.ThrowIfCancellationRequested();
            return new WorkerOutcome(ScheduleChanges.Between(input, globals.Result()), null);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return new WorkerOutcome(null, new ScriptError(limits.TimeExceeded));
        }
        catch (OutOfMemoryException)
        {
            return new WorkerOutcome(null, new ScriptError(limits.MemoryExceeded));
        }
        catch (Exception error)
        {
            return new WorkerOutcome(null, new ScriptError($"{error.GetType().Name}: {error.Message}", LineOf(error)));
        }
    }

    /// <summary>The script line the exception came from: the innermost frame of the script in its stack trace.</summary>
    private static int? LineOf(Exception error) =>
        new StackTrace(error, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() == ScriptCompiler.ScriptPath && f.GetFileLineNumber() > 0)?.GetFileLineNumber();
}
