using System.CommandLine;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using Playout.Media.Time;

namespace Playout.Server.Cli;

/// <summary>
/// `playout schedule validate FILE [--rate 25] [--media DIR...] [--protocols P...]`: reads a schedule file (YAML,
/// JSON, CSV traffic log, BXF) as the service would, its sources confined to the media folders, and prints
/// "FILE: OK, N days, M events", or every error with its line (exit 2).
/// `playout schedule load --channel N FILE [--force]`: sends the file to a running service's channel, which loads it
/// whole or not at all. The verb groups the schedule subcommands; each is built by a method of its own.
/// </summary>
public static class ScheduleCommand
{
    public static Command Create() => new("schedule", "Schedule files: check one, or load it on a running service's channel")
    {
        Validate(),
        Load(),
    };

    private static Command Load()
    {
        var file = new Argument<string>("file") { Description = "A schedule file: .yaml/.yml, .json, .csv (traffic log) or .xml/.bxf (BXF)" };
        var channel = ServiceClient.Channel();
        var force = new Option<bool>("--force") { Description = "Load even if it changes the event on air" };
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var command = new Command("load", "Load a schedule file on a channel of the running service (its days replace the same days)")
            { file, channel, force, url, token };
        command.SetAction(result =>
        {
            string path = result.GetValue(file)!;
            if (!File.Exists(path))
                throw new CliInputException($"schedule '{path}' not found");
            using var client = ServiceClient.For(result, url, token);
            int number = result.GetValue(channel);
            var request = new HttpRequestMessage(HttpMethod.Put,
                $"api/channels/{number}/schedule?name={Uri.EscapeDataString(Path.GetFileName(path))}&force={(result.GetValue(force) ? "true" : "false")}")
            {
                Content = new StringContent(File.ReadAllText(path)),
            };
            return client.Send(request, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error,
                body => $"{path}: loaded on channel {number} (schedule version {System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64()})"
                    + Environment.NewLine);
        });
        return command;
    }

    private static Command Validate()
    {
        var file = new Argument<string>("file") { Description = "A schedule file: .yaml/.yml, .json, .csv (traffic log) or .xml/.bxf (BXF)" };
        var rate = RateOption();
        var sources = new SourceOptions();
        var command = new Command("validate", "Check a schedule file; prints every error with its line, exit 2 when invalid") { file, rate };
        sources.AddTo(command);
        command.SetAction(result => Validate(result.GetValue(file)!,
            new ScheduleImportOptions(FrameRate(result.GetValue(rate)!), Sources: sources.Rules(result)),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The channel frame rate that timecodes in the file count in.</summary>
    private static Option<string> RateOption() => new("--rate")
    {
        Description = "The channel's frame rate, for timecodes in the file: 23.976, 24, 25, 29.97, 30, 50, 59.94, 60 or e.g. 30000/1001",
        DefaultValueFactory = _ => "25",
    };

    private static Rational FrameRate(string text) => TimecodeRate.TryParse(text, out var rate)
        ? rate.FrameRate
        : throw new CliInputException($"--rate: '{text}' is not a frame rate with timecode (23.976, 24, 25, 29.97, 30, 50, 59.94, 60)");

    private static int Validate(string path, ScheduleImportOptions options, TextWriter output, TextWriter error)
    {
        var result = ScheduleImporter.Load(path, options);
        foreach (var warning in result.Warnings)
            error.WriteLine($"warning: {warning}");
        if (result.Ok)
        {
            output.WriteLine($"{path}: OK, {result.Days.Count} day{(result.Days.Count == 1 ? "" : "s")}, {result.EventCount} event{(result.EventCount == 1 ? "" : "s")}");
            return PlayoutCli.Ok;
        }
        foreach (var problem in result.Errors)
            error.WriteLine(problem);
        error.WriteLine($"{path}: INVALID, {result.Errors.Count}{(result.ErrorsTruncated ? "+" : "")} error{(result.Errors.Count == 1 ? "" : "s")}; nothing would be loaded");
        return PlayoutCli.BadInput;
    }
}
