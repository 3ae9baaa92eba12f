using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Playout.Devices;
using Playout.Engine.Alarms;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// The cards, outputs and devices of the service with their state (<see cref="DeviceView"/>) for the panel; one device's
/// whole status; and a command to a device as an operator (checked against its commands first: 400 naming every problem).
/// </summary>
public static class DeviceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, AlarmBoard alarms, ServiceDevices devices, ILogger logger)
    {
        var view = new DeviceView(channels.All, devices.Registry);
        app.MapGet("/api/devices", () =>
        {
            var (cards, outputs, list) = view.Read(alarms.Active);
            return Results.Json(new { cards, outputs, devices = list });
        }).WithTags("devices").WithSummary("Each channel's card, each output (ok, failed, behind; frames sent and dropped) and each device with its link and last command.");
        app.MapGet("/api/devices/{name}", (string name) => devices.Registry.Find(name) is { } device ? Results.Json(device.Status()) : NoDevice(devices, name))
            .WithTags("devices").WithSummary("One device: identity, link, measured values, desired and actual settings, the commands it takes, the last command.");
        app.MapPost("/api/devices/{name}/commands/{command}", async (string name, string command, HttpContext http, CancellationToken cancel) =>
            {
                if (devices.Registry.Find(name) is not { } device)
                    return NoDevice(devices, name);
                var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
                if (http.Request.ContentLength is not 0)
                {
                    if (await OperatorEndpoints.Body(http, known: null) is not { } body)
                        return OperatorEndpoints.Bad("the body must be a JSON object of the command's arguments, each a string: {\"level\": \"80\"}");
                    if (body.Problem is { } problem)
                        return problem;
                    foreach (var (key, value) in body.Fields)
                    {
                        if (value.ValueKind != JsonValueKind.String)
                            return OperatorEndpoints.Bad($"\"{key}\" must be a string");
                        arguments[key] = value.GetString()!;
                    }
                }
                if (device.Check(command, arguments) is { Count: > 0 } problems)
                    return OperatorEndpoints.Bad(string.Join("; ", problems));
                string who = ApiAuth.CallerOf(http).Name;
                try
                {
                    await device.SendAsync(command, arguments, cancel);
                    logger.LogInformation("device {Device}: {Command} by {Who}", name, command, who);
                    return Results.Json(device.Status());
                }
                catch (DeviceCommandException error)
                {
                    logger.LogWarning("device {Device}: {Command} by {Who} failed: {Reason}", name, command, who, error.Message);
                    return Results.Problem($"{name}: {command} was not carried out: {error.Message}", statusCode: 502);
                }
            })
            .Requires(ApiRole.Operator).Accepts<JsonElement>("application/json")
            .WithTags("devices").WithSummary("Send a command to a device (body: its arguments as strings); 400 names each problem, 502 says why the device did not carry it out.");
    }

    private static IResult NoDevice(ServiceDevices devices, string name) =>
        Results.Problem($"there is no device '{name}' (devices: {(devices.Registry.All.Count == 0 ? "none" : string.Join(", ", devices.Registry.All.Select(d => d.Name)))})", statusCode: 404);
}
