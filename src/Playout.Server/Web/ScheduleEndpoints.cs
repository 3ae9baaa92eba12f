using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>Reading and editing a channel's schedule: whole files (all-or-nothing) and single-event live edits.</summary>
public static class ScheduleEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels)
    {
        var api = app.MapGroup("/api/channels/{number:int}/schedule").WithTags("schedule");
        api.MapGet("", (int number) => channels.Answer(number, a =>
        {
            var schedule = a.Automation.Schedule;
            return Results.Json(new ScheduleSummary(schedule.Version, [.. schedule.Days.Keys], schedule.Template is not null), ScheduleJson.Options);
        })).WithSummary("The schedule's version, its days, and whether it has a default day.");
        api.MapGet("/{day}", (int number, string day) => channels.Answer(number, a =>
            Day(day, out var date) is { } bad ? bad
                : a.Automation.Schedule.DayOrTemplate(date) is { } events ? Results.Text(NativeScheduleWriter.WriteDay(events), "application/json")
                : Results.Problem($"{date:yyyy-MM-dd} has no schedule", statusCode: 404)))
            .WithSummary("One broadcast day's events (the default day's when it has none of its own), in the schedule file schema.");
        api.MapGet("/plan", (int number, int? hours) => channels.Answer(number, a =>
            Results.Json(Plan(a, TimeSpan.FromHours(Math.Clamp(hours ?? 1, 1, 48))), ScheduleJson.Options)))
            .WithSummary("The running order ahead as planned: each item's start and end as time-of-day timecode.");

        api.MapPut("", async (int number, HttpRequest request, string? name, bool? force) =>
        {
            var (automation, error) = channels.Automation(number);
            if (automation is null)
                return error!;
            using var reader = new StreamReader(request.Body);
            string text = await reader.ReadToEndAsync();
            var import = ScheduleImporter.Import(name ?? "schedule.yaml", text, ImportOptions(automation));
            if (!import.Ok)
                return Results.Json(new { errors = import.Errors.Select(e => e.ToString()) }, statusCode: 400);
            var result = automation.Edit(s => s.With(import.Days), force ?? false, ApiAuth.CallerOf(request.HttpContext).Name);
            return ChannelEndpoints.Outcome(result);
        }).Requires(ApiRole.Engineer).TakesFile().Accepts<string>("text/plain")
            .WithSummary("Loads a schedule file (YAML, JSON, CSV traffic log or BXF, by ?name=file.ext): its days replace the same days.");

        api.MapPost("/{day}/events", (int number, string day, HttpRequest request, string? after, bool? force) =>
            EditDay(channels, number, day, request, force, async (host, s, date) => ScheduleEdits.Insert(s, date, await Event(host, request), after)))
            .Requires(ApiRole.Engineer).Accepts<JsonElement>("application/json")
            .WithSummary("Inserts an event (docs/API.md) after ?after=ID (first when absent).");
        api.MapPut("/{day}/events/{id}", (int number, string day, string id, HttpRequest request, bool? force) =>
            EditDay(channels, number, day, request, force, async (host, s, date) => ScheduleEdits.Replace(s, date, id, await Event(host, request))))
            .Requires(ApiRole.Engineer).Accepts<JsonElement>("application/json").WithSummary("Replaces an event (docs/API.md).");
        api.MapPost("/{day}/events/{id}/move", (int number, string day, string id, HttpRequest request, string? after, bool? force) =>
            EditDay(channels, number, day, request, force, (_, s, date) => Task.FromResult(ScheduleEdits.Move(s, date, id, after))))
            .Requires(ApiRole.Engineer).WithSummary("Moves an event to just after ?after=ID (first when absent).");
        api.MapDelete("/{day}/events/{id}", (int number, string day, string id, HttpRequest request, bool? force) =>
            EditDay(channels, number, day, request, force, (_, s, date) => Task.FromResult(ScheduleEdits.Delete(s, date, id))))
            .Requires(ApiRole.Engineer).WithSummary("Deletes an event.");
    }

    public sealed record ScheduleSummary(long Version, IReadOnlyList<DateOnly> Days, bool HasTemplate);

    public sealed record PlanItem(string Key, string Id, string Title, string Kind, string? Start, string? End, string? Duration, string? Cut);

    private static IEnumerable<PlanItem> Plan(AutomationHost host, TimeSpan ahead)
    {
        var time = host.Time;
        long now = host.Automation.Channel.Tick, until = now + time.Frames(ahead);
        return host.Automation.PlanAhead(ahead).Items.Where(i => i.End is null || i.End > now).TakeWhile(i => i.Start is null || i.Start < until)
            .Select(i => new PlanItem(i.Key, i.Event.Id, i.Event.DisplayName, i.IsFiller ? "filler" : i.Event.Kind.ToString().ToLowerInvariant(),
                i.Start is long s ? time.OfDay(s) : null, i.End is long e ? time.OfDay(e) : null,
                i.Start is long a && i.End is long b ? time.Duration(b - a) : null, i.Cut));
    }

    private static async Task<IResult> EditDay(ApiChannels channels, int number, string day, HttpRequest request, bool? force,
        Func<AutomationHost, ChannelSchedule, DateOnly, Task<ChannelSchedule>> edit)
    {
        var (automation, error) = channels.Automation(number);
        if (automation is null)
            return error!;
        if (Day(day, out var date) is { } bad)
            return bad;
        var current = automation.Automation.Schedule;
        ChannelSchedule edited;
        try
        {
            edited = await edit(automation, current, date);
        }
        catch (ScheduleEditException e)
        {
            return Results.Problem(e.Message, statusCode: 400);
        }
        // Built from the schedule as it was read: if another edit landed since, the version check refuses this one.
        var result = automation.Edit(s => s.Version == current.Version ? edited
            : throw new ScheduleEditException("the schedule changed while this edit was made; read it again and retry"),
            force ?? false, ApiAuth.CallerOf(request.HttpContext).Name);
        return ChannelEndpoints.Outcome(result);
    }

    /// <summary>
    /// An event body is read as an event in a schedule file is (<see cref="ScheduleImporter.ImportEvent"/>): the same field names,
    /// time syntax and checks, and a field the schema does not know is refused by name.
    /// </summary>
    private static async Task<PrimaryEvent> Event(AutomationHost host, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var read = ScheduleImporter.ImportEvent("event body", await reader.ReadToEndAsync(), ImportOptions(host));
        return read.Event ?? throw new ScheduleEditException(string.Join("; ", read.Errors));
    }

    /// <summary>Files and event bodies are read for the channel: its frame rate, devices and source rules.</summary>
    private static ScheduleImportOptions ImportOptions(AutomationHost host) =>
        new(host.Automation.Channel.Context.Format.FrameRate, host.Automation.Devices, Sources: host.Automation.Sources);

    private static IResult? Day(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? null
            : Results.Problem($"'{text}' is not a day (YYYY-MM-DD)", statusCode: 400);
}
