using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.AsRun;

namespace Playout.Server.Web;

/// <summary>The as-run log: one broadcast day's entries as JSON, CSV or BXF-style XML.</summary>
public static class AsRunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels)
    {
        var api = app.MapGroup("/api/channels/{number:int}/asrun").WithTags("as-run");
        api.MapGet("", (int number) => channels.Answer(number, a => Results.Json(a.Journal.Days())))
            .WithSummary("The broadcast days that have an as-run log.");
        api.MapGet("/{day}", (int number, string day, string? format) => channels.Answer(number, a =>
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.Problem($"'{day}' is not a day (YYYY-MM-DD)", statusCode: 400);
            var entries = a.Journal.Read(date);
            string name = $"asrun-{Hosting.AutomationHost.Slug(a.Automation.Channel.Name)}-{date:yyyy-MM-dd}";
            return (format ?? "json").ToLowerInvariant() switch
            {
                "json" => Results.Json(entries, Hosting.ScheduleJson.Options),
                "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(AsRunCsv.Write(entries)), "text/csv", name + ".csv"),
                "xml" or "bxf" => Results.Text(AsRunBxf.Write(a.Automation.Channel.Name, entries, DateTimeOffset.UtcNow).ToString(), "application/xml"),
                _ => Results.Problem($"unknown format '{format}' (json, csv, xml)", statusCode: 400),
            };
        })).WithSummary("A day's as-run entries: ?format=json (default), csv, or xml (BXF-style AsRun).");
    }
}
