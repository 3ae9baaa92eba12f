using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The station an operator's panel names, with its time zone and the zone's offset from UTC now.</summary>
public static class StationEndpoints
{
    public sealed record Station(string Name, string TimeZone, int UtcOffsetMinutes);

    public static void Map(IEndpointRouteBuilder app, ServiceConfig config)
    {
        string zone = config.Station.ZoneName(config);
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        app.MapGet("/api/station", () => Results.Json(new Station(config.Station.Name, zone, (int)info.GetUtcOffset(DateTimeOffset.UtcNow).TotalMinutes)))
            .WithTags("channels").WithSummary("The station's name, its IANA time zone and that zone's offset from UTC now (station.name, station.timeZone).");
    }
}
