using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Library;

namespace Playout.Server.Web;

/// <summary>The rundown an operator's panel shows: today's played items, the one on air and the plan ahead, each with its state.</summary>
public static class RundownEndpoints
{
    public const int DefaultHours = 3, MaxHours = 48;

    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, MediaLibrary library)
    {
        app.MapGet("/api/channels/{number:int}/rundown", (int number, int? hours) => channels.Answer(number, host =>
        {
            if (hours is < 1 or > MaxHours)
                return Results.Problem($"hours must be 1 to {MaxHours}; got {hours}", statusCode: 400);
            var automation = host.Automation;
            var today = host.Time.BroadcastDayOf(automation.Channel.Tick, automation.Planner.Settings.DayStart);
            return Results.Json(automation.Rundown(TimeSpan.FromHours(hours ?? DefaultHours), host.Journal.Read(today), library.IsMissing));
        })).WithTags("channels").WithSummary("Today's played items, the item on air and the plan ?hours=H ahead (1-48, default 3), each with its state, start mode and secondaries.");
    }
}
