using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>Channels, their automation status (polled and streamed), and operator actions.</summary>
public static class ChannelEndpoints
{
    /// <summary>How often the status stream sends: at least 10 updates a second.</summary>
    public static readonly TimeSpan StreamInterval = TimeSpan.FromMilliseconds(80);

    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, StreamClients streams)
    {
        var api = app.MapGroup("/api").WithTags("channels");
        api.MapGet("/channels", () => channels.All.Select((c, i) => new ChannelSummary(i + 1, c.Channel.Name, c.Context.Format.Name,
            c.Automation is not null, c.Channel.IsRunning)))
            .WithSummary("The channels, numbered from 1.");
        api.MapGet("/channels/{number:int}", (int number) => channels.Find(number) is var (c, error) && c is not null ? Results.Json(c.Channel.Status()) : error!)
            .WithSummary("A channel's engine status: layers, consumers, timings, alarms.");
        api.MapGet("/channels/{number:int}/automation", (int number) => channels.Answer(number, a => Results.Json(a.Automation.Status())))
            .WithSummary("On air (elapsed, remaining), next event, countdown to the next fixed start.");
        api.MapGet("/channels/{number:int}/automation/stream", (int number, HttpContext http) =>
            channels.Answer(number, a => streams.TryOpen(http) ?? TypedResults.ServerSentEvents(Updates(a.Automation.Status, http.RequestAborted), "status")))
            .WithSummary("The automation status as server-sent events, 12.5 a second (at most api.maxStreamClients streams at once).");
        api.MapGet("/channels/{number:int}/next", (int number) => channels.Answer(number, a => Results.Json(a.Automation.Status().Next)))
            .WithSummary("The next event and its countdown.");
        api.MapPost("/channels/{number:int}/take", (int number, HttpContext http) => Act(channels, number, http, "take", (a, who) => a.Take(who)))
            .Requires(ApiRole.Operator).WithSummary("Take the next event to air now (a waiting manual event, or the next one early).");
        api.MapPost("/channels/{number:int}/hold", (int number, HttpContext http) => Act(channels, number, http, "hold", (a, who) => a.Hold(who)))
            .Requires(ApiRole.Operator).WithSummary("Hold the event on air past its end until a take or a release.");
        api.MapPost("/channels/{number:int}/release", (int number, HttpContext http) => Act(channels, number, http, "release", (a, who) => a.Release(who)))
            .Requires(ApiRole.Operator).WithSummary("Release a hold: the event on air ends at its planned end, or the next event follows now.");
        api.MapPost("/channels/{number:int}/skip", (int number, HttpContext http) => Act(channels, number, http, "skip", (a, who) => a.Skip(who)))
            .Requires(ApiRole.Operator).WithSummary("Drop the next event from the running order.");
    }

    public sealed record ChannelSummary(int Number, string Name, string Format, bool Automated, bool OnAir);

    /// <summary>Answers an edit or action: 200 with the schedule version, or 409 with the reason it was refused.</summary>
    public static IResult Outcome(EditResult result) =>
        result.Ok ? Results.Json(new { result.Version }) : Results.Problem(result.Reason, statusCode: 409);

    /// <summary>Runs an operator's action as the caller (noted with the time on the as-run entries it concerns, and logged).</summary>
    private static IResult Act(ApiChannels channels, int number, HttpContext http, string action, Func<ChannelAutomation, string, EditResult> act) =>
        channels.Answer(number, host =>
        {
            string who = ApiAuth.CallerOf(http).Name;
            var result = act(host.Automation, who);
            host.Automation.Channel.Context.Logger.LogOperator(host.Automation.Channel.Name, action, who, result);
            return Outcome(result);
        });

    /// <summary>What <paramref name="read"/> says, every <see cref="StreamInterval"/> (or <paramref name="every"/>), until the client goes: a status stream's events.</summary>
    internal static async IAsyncEnumerable<T> Updates<T>(Func<T> read, [EnumeratorCancellation] CancellationToken cancel, TimeSpan? every = null)
    {
        using var timer = new PeriodicTimer(every ?? StreamInterval);
        do
        {
            yield return read();
        }
        while (await Next(timer, cancel));
    }

    /// <summary>False when the client has gone (the stream then ends quietly).</summary>
    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken cancel)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
