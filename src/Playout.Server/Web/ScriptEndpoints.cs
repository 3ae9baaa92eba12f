using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Scripting;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>Engineers' C# schedule scripts run against a channel: off the tick, time-limited, applied in one edit or not at all.</summary>
public static class ScriptEndpoints
{
    public sealed record ScriptAnswer(bool Ok, long Version, IReadOnlyList<string> Log, IReadOnlyList<string> Errors, string? Refused);

    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, ScriptHost scripts, Func<string, TimeSpan?> mediaLength)
    {
        app.MapPost("/api/channels/{number:int}/scripts", async (int number, HttpRequest request, bool? force, CancellationToken cancel) =>
        {
            var (host, error) = channels.Automation(number);
            if (host is null)
                return error!;
            using var reader = new StreamReader(request.Body);
            string code = await reader.ReadToEndAsync(cancel);
            string who = ApiAuth.CallerOf(request.HttpContext).Name;
            var (run, applied) = await scripts.RunAndApplyAsync(code, ScriptContext.Of(host.Automation, mediaLength),
                edit => host.Edit(edit, force ?? false, $"{who} (script)"), cancel);
            var answer = new ScriptAnswer(applied.Ok, applied.Version, run.Log, [.. run.Errors.Select(e => e.ToString())], applied.Ok ? null : applied.Reason);
            return Results.Json(answer, statusCode: applied.Ok ? 200 : run.Ok ? 409 : 422);
        }).Requires(ApiRole.Engineer).TakesFile().Accepts<string>("text/plain").WithTags("schedule")
            .WithSummary("Runs a C# schedule script (docs/SCRIPTING.md) against the channel's schedule and applies its result atomically.");
    }
}
