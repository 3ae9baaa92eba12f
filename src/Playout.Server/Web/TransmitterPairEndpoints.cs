using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Devices;
using Playout.Devices.Redundancy;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The main/reserve transmitter pairs with the side on air and the last changeover; an operator's changeover (who is recorded).</summary>
public static class TransmitterPairEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServiceTransmitterPairs pairs)
    {
        app.MapGet("/api/transmitter-pairs", () => Results.Json(pairs.All.Select(p => p.Status()).ToList()))
            .WithTags("devices").WithSummary("Each main/reserve transmitter pair: the side on air (onMain, onReserve), each side's fault now, the last changeover (when, why, by whom).");
        app.MapPost("/api/transmitter-pairs/{name}/changeover", async (string name, string? to, HttpContext http, CancellationToken cancel) =>
            {
                if (pairs.Find(name) is not { } pair)
                    return Results.Problem($"there is no transmitter pair '{name}' (pairs: {(pairs.All.Count == 0 ? "none" : string.Join(", ", pairs.All.Select(p => p.Name)))})", statusCode: 404);
                TransmitterSide side;
                if (to == "main")
                    side = TransmitterSide.Main;
                else if (to == "reserve")
                    side = TransmitterSide.Reserve;
                else
                    return OperatorEndpoints.Bad($"to: '{to}' is not main or reserve");
                try
                {
                    await pair.ChangeoverAsync(side, ApiAuth.CallerOf(http).Name, cancel);
                    return Results.Json(pair.Status());
                }
                catch (DeviceCommandException error)
                {
                    return Results.Problem($"{name}: changeover to {to} was not carried out: {error.Message}", statusCode: 502);
                }
            })
            .Requires(ApiRole.Operator)
            .WithTags("devices").WithSummary("Change a pair over to main or reserve (?to=main|reserve): RF on there, then off on the other; 502 says why the transmitter did not take it.");
    }
}
