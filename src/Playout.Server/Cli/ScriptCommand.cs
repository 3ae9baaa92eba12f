using System.CommandLine;
using System.Globalization;
using System.Text;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Automation.Scripting;
using Playout.Media.Formats;

namespace Playout.Server.Cli;

/// <summary>
/// `playout script run FILE [--schedule IN] [--out OUT.json] [--timeout 10] [--memory 256] [--today DATE] [--media DIR...]
/// [--protocols P...]`, or `playout script run FILE --channel N [--force]` on a running service: runs a C# schedule script
/// (docs/SCRIPTING.md) offline, against an empty schedule or one read from a schedule file; prints the script's log
/// and a summary of the days it made, and writes the schedule in the native JSON schema (docs/SCHEDULE-FORMAT.md).
/// Sources are checked as `playout schedule validate` checks them (<see cref="SourceOptions"/>): in the --schedule file
/// as errors, in what the script made as warnings of what a channel would refuse.
/// Offline too the script runs in a worker process, refused or stopped as in the service (<see cref="ScriptHost"/>).
/// Where the script runs is decided in <see cref="Execute"/> alone: sending it to a running service's channel is
/// another way of getting a <see cref="ScriptResult"/>, reported the same way.
/// </summary>
public static class ScriptCommand
{
    /// <summary>The rate timecodes in a --schedule file count in (the offline channel is 25 fps).</summary>
    private static readonly Rational OfflineFrameRate = new(25);

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The C# script (.csx)" };
        var schedule = new Option<string?>("--schedule") { Description = "Run against this schedule file (.yaml, .json, .csv, .bxf) instead of an empty schedule" };
        var output = new Option<string?>("--out") { Description = "Write the resulting schedule here as native JSON (re-importable)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds the script may run", DefaultValueFactory = _ => ScriptHost.DefaultTimeLimit.TotalSeconds };
        var memory = new Option<int>("--memory") { Description = "Megabytes of memory the script may use", DefaultValueFactory = _ => ScriptLimits.Default.MemoryMegabytes };
        var today = new Option<string?>("--today") { Description = "The broadcast day the script sees as Today, YYYY-MM-DD (default: today's, days starting at 06:00)" };
        var channel = new Option<int?>("--channel") { Description = "Run it on this channel of the running service and apply the result there" };
        var force = new Option<bool>("--force") { Description = "With --channel: apply even if it changes the event on air" };
        var sources = new SourceOptions();
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var run = new Command("run", "Run a schedule script offline (show or save the schedule it makes), or on a running service's channel")
            { file, schedule, output, timeout, memory, today, channel, force, url, token };
        sources.AddTo(run);
        run.SetAction((result, cancel) => result.GetValue(channel) is int number
            ? Task.FromResult(OnChannel(result, number, result.GetValue(file)!, result.GetValue(force), url, token))
            : Run(result.GetValue(file)!, result.GetValue(schedule), result.GetValue(output), result.GetValue(timeout), result.GetValue(memory),
                result.GetValue(today), sources.Rules(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancel));
        return new Command("script", "C# schedule scripts") { run };
    }

    private static async Task<int> Run(string path, string? schedulePath, string? outputPath, double timeout, int memory, string? today,
        SourceRules sources, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (!(timeout > 0))
            throw new CliInputException($"--timeout {timeout.ToString(CultureInfo.InvariantCulture)}: must be a positive number of seconds");
        if (memory < ScriptLimits.MinimumMemoryMegabytes)
            throw new CliInputException($"--memory {memory}: must be at least {ScriptLimits.MinimumMemoryMegabytes} (megabytes)");
        if (!File.Exists(path))
            throw new CliInputException($"script '{path}' not found");
        var context = OfflineContext(schedulePath, today, sources, error);
        if (context is null)
            return PlayoutCli.BadInput;
        var result = await Execute(File.ReadAllText(path, Encoding.UTF8), context, TimeSpan.FromSeconds(timeout), memory, cancel);
        // With the schedule on stdout, the log and the summary go to stderr: stdout is the JSON alone.
        return Report(result, outputPath, sources, outputPath == "-" ? error : output, error);
    }

    /// <summary>Sends the script to the service, which runs it against the channel's schedule and applies the result in one edit.</summary>
    private static int OnChannel(ParseResult result, int channel, string path, bool force, Option<string> url, Option<string?> token)
    {
        if (!File.Exists(path))
            throw new CliInputException($"script '{path}' not found");
        using var client = ServiceClient.For(result, url, token);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{channel}/scripts?force={(force ? "true" : "false")}")
        {
            Content = new StringContent(File.ReadAllText(path, Encoding.UTF8), Encoding.UTF8, "text/plain"),
        };
        return client.Send(request, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, body =>
        {
            using var answer = System.Text.Json.JsonDocument.Parse(body);
            var lines = answer.RootElement.GetProperty("log").EnumerateArray().Select(l => l.GetString()).ToList();
            lines.Add($"applied to channel {channel}: schedule version {answer.RootElement.GetProperty("version").GetInt64()}");
            return string.Join(Environment.NewLine, lines) + Environment.NewLine;
        });
    }

    /// <summary>Runs the script from here, in a worker process (<see cref="ScriptHost"/>).</summary>
    private static Task<ScriptResult> Execute(string code, ScriptContext context, TimeSpan timeLimit, int memoryMegabytes, CancellationToken cancel) =>
        new ScriptHost(timeLimit, memoryMegabytes).RunAsync(code, context, cancel);

    /// <summary>The schedule and day the script starts from; null (after printing why) when the schedule file is invalid.</summary>
    private static ScriptContext? OfflineContext(string? schedulePath, string? todayText, SourceRules sources, TextWriter error)
    {
        var dayStart = ScheduleSettings.Default.DayStart;
        var today = todayText is null ? DateOnly.FromDateTime(DateTime.Now - dayStart) : Date(todayText);
        var schedule = ChannelSchedule.Empty;
        if (schedulePath is not null)
        {
            if (!File.Exists(schedulePath))
                throw new CliInputException($"schedule '{schedulePath}' not found");
            var imported = ScheduleImporter.Load(schedulePath, new ScheduleImportOptions(OfflineFrameRate, Sources: sources));
            foreach (var problem in imported.Errors)
                error.WriteLine(problem);
            if (!imported.Ok)
            {
                error.WriteLine($"{schedulePath}: invalid schedule; the script was not run");
                return null;
            }
            schedule = schedule.With(imported.Days);
        }
        return new ScriptContext(schedule, today, dayStart);
    }

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliInputException($"--today '{text}' is not a date (YYYY-MM-DD)");

    /// <summary>
    /// Prints the log, then the errors (exit 1) or a summary of the days and the validator's findings, and writes --out
    /// (to stdout for "-": then <paramref name="output"/>, where the log and summary go, is stderr).
    /// </summary>
    private static int Report(ScriptResult result, string? outputPath, SourceRules sources, TextWriter output, TextWriter error)
    {
        foreach (var line in result.Log)
            output.WriteLine(line);
        if (result.Schedule is not { } schedule)
        {
            foreach (var problem in result.Errors)
                error.WriteLine($"script: {problem}");
            error.WriteLine("script failed; no schedule made");
            return PlayoutCli.Failure;
        }
        output.WriteLine($"schedule: {schedule.Days.Count} day(s), {schedule.Days.Values.Sum(d => d.Events.Count)} event(s)");
        foreach (var day in schedule.Days.Values)
        {
            string change = result.Input[day.Date] is not { } before ? "new" : ReferenceEquals(before, day) ? "unchanged" : "changed";
            output.WriteLine($"  {day.Date:yyyy-MM-dd}  {change,-9}  {day.Events.Count} event(s){Span(day)}");
        }
        // Offline there are no devices, so device secondaries show up here; the service checks them against its own.
        foreach (var problem in ScheduleValidator.Validate(schedule, devices: null, sources))
            error.WriteLine($"warning: a channel would refuse this: {problem}");
        if (outputPath is not null)
        {
            using var file = new AtomicOutput(outputPath);
            file.Stream.Write(Encoding.UTF8.GetBytes(NativeScheduleWriter.Write(schedule)));
            file.Commit();
            if (outputPath != "-")
                output.WriteLine($"wrote {outputPath}");
        }
        return PlayoutCli.Ok;
    }

    /// <summary>", FIRST … LAST": the ids of the day's first and last events.</summary>
    private static string Span(DaySchedule day) => day.Events.Count == 0 ? "" : $", {day.Events[0].Id} … {day.Events[^1].Id}";
}
