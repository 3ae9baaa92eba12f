using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Engine.Probes;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>A channel's loudness meters: read, streamed for meters on a panel, and reset by an operator.</summary>
public static class LoudnessEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, StreamClients streams)
    {
        var api = app.MapGroup("/api/channels/{number:int}/loudness").WithTags("channels");
        api.MapGet("", (int number) => Answer(channels, number, probe => Results.Json(probe.Status())))
            .WithSummary("The live loudness meters and the item on air so far (docs/MONITORING.md).");
        api.MapGet("/stream", (int number, HttpContext http) => Answer(channels, number, probe =>
            streams.TryOpen(http) ?? TypedResults.ServerSentEvents(ChannelEndpoints.Updates(probe.Status, http.RequestAborted), "loudness")))
            .WithSummary("The loudness meters as server-sent events, 12.5 a second (at most api.maxStreamClients streams at once).");
        api.MapPost("/reset", (int number) => Answer(channels, number, probe =>
        {
            probe.ResetMeters();
            return Results.NoContent();
        })).Requires(ApiRole.Operator).WithSummary("Start the live meters (integrated, range, maxima) again from the next frame.");
    }

    private static IResult Answer(ApiChannels channels, int number, Func<LoudnessProbe, IResult> answer)
    {
        var (channel, error) = channels.Find(number);
        if (channel is null)
            return error!;
        return LoudnessProbe.Of(channel.Channel) is { } probe ? answer(probe)
            : Results.Problem($"channel {number} ({channel.Channel.Name}) meters no loudness (its \"loudness\" is off)", statusCode: 409);
    }
}
