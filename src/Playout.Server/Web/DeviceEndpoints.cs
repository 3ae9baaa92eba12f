using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Engine.Alarms;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The cards, outputs and devices of the service with their state (<see cref="DeviceView"/>), for an operator's panel.</summary>
public static class DeviceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, ServiceConfig config, AlarmBoard alarms)
    {
        var view = new DeviceView(channels.All, config);
        app.MapGet("/api/devices", () =>
        {
            var (cards, outputs, devices) = view.Read(alarms.Active);
            return Results.Json(new { cards, outputs, devices });
        }).WithTags("channels").WithSummary("Each channel's card, each output (ok, failed, behind; frames sent and dropped) and each device with its last command.");
    }
}
