using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The alarm list, acknowledging, and the alarm events as a stream: the same alarms SNMP and the as-run logs show.</summary>
public static class AlarmEndpoints
{
    private const int MaxComment = 500;

    /// <summary>Events a slow stream client may fall behind by before it is cut off (it reconnects and reads the list again).</summary>
    private const int StreamBacklog = 256;

    public static void Map(IEndpointRouteBuilder app, AlarmBoard alarms, StreamClients streams, ILogger log)
    {
        var api = app.MapGroup("/api/alarms").WithTags("alarms");
        api.MapGet("", (bool? active, string? channel) =>
            (active == true ? alarms.Active : alarms.Listed).Where(a => channel is null || a.Channel == channel))
            .WithSummary("The listed alarms (active, and cleared ones not yet acknowledged), oldest first; ?active=true for active only, ?channel=NAME for one channel's.");
        api.MapGet("/{id:long}", (long id) => alarms.Find(id) is { } alarm ? Results.Json(alarm) : NotListed(id))
            .WithSummary("One listed alarm.");
        api.MapPost("/{id:long}/ack", (long id, string? comment, HttpContext http) =>
        {
            if (comment is { Length: > MaxComment })
                return Results.Problem($"comment: at most {MaxComment} characters; got {comment.Length}", statusCode: StatusCodes.Status400BadRequest);
            string who = ApiAuth.CallerOf(http).Name;
            if (!alarms.Acknowledge(id, who, comment))
                return NotListed(id);
            log.LogInformation("alarm {Id} acknowledged by {Who}", id, who);
            return Results.Json(alarms.Find(id) ?? (object)new { Id = id, Acknowledged = true });
        }).Requires(ApiRole.Operator).WithSummary("Acknowledge an alarm (?comment=…); the caller's token name is recorded as who. A cleared alarm leaves the list.");
        api.MapGet("/stream", (HttpContext http) => streams.TryOpen(http) ?? TypedResults.ServerSentEvents(Events(alarms, http.RequestAborted)))
            .WithSummary("The listed alarms (event alarms), then every raise, clear and acknowledgement from then on (events alarm), as server-sent events.");
    }

    private static IResult NotListed(long id) =>
        Results.Problem($"no listed alarm has id {id} (it may have cleared and been acknowledged)", statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// The listed alarms first, read once subscribed, so that nothing raised between a client's list and its stream is missed
    /// (a change may repeat what the list shows); sent at once, it also answers the request before any change. Then each change.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> Events(AlarmBoard alarms, [EnumeratorCancellation] CancellationToken cancel)
    {
        var queue = Channel.CreateBounded<AlarmEvent>(new BoundedChannelOptions(StreamBacklog) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = alarms.Subscribe(change =>
        {
            if (!queue.Writer.TryWrite(change))
                queue.Writer.TryComplete(); // too far behind: end the stream rather than skip events silently
        });
        yield return new SseItem<object>(alarms.Listed, "alarms");
        await foreach (var change in ReadUntilGone(queue.Reader, cancel))
            yield return new SseItem<object>(change, "alarm");
    }

    private static async IAsyncEnumerable<AlarmEvent> ReadUntilGone(ChannelReader<AlarmEvent> reader, [EnumeratorCancellation] CancellationToken cancel)
    {
        while (true)
        {
            AlarmEvent change;
            try
            {
                if (!await reader.WaitToReadAsync(cancel) || !reader.TryRead(out change!))
                    yield break;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return change;
        }
    }
}
