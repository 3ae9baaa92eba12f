using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// The operator panel's actions beyond take/hold/release/skip: jump to an event, manual insert, emergency cut and clear,
/// graphics on/off, the silence failover's hold and release. Bad requests (a body field, a clip outside the media roots, an unknown input) get 400 or 404 naming
/// what is wrong; an action that cannot apply gets 409 with the reason, and the channel stays on air.
/// </summary>
public static class OperatorEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, MediaLibrary library)
    {
        var api = app.MapGroup("/api/channels/{number:int}").WithTags("channels");
        api.MapPost("/next", (int number, string? id, HttpContext http) => id is null or "" ? Bad("give the event to make next: ?id=EVENTID")
                : Act(channels, number, http, $"next {id}", (host, who) => host.Automation.Next(id, who)))
            .Requires(ApiRole.Operator).WithSummary("Make event ?id= of the running order the next one (a jump: the events before it are skipped).");
        api.MapPost("/insert", async (int number, HttpContext http) =>
            {
                var (host, error) = channels.Automation(number);
                if (host is null)
                    return error!;
                if (await Body(http, ["source", "kind", "duration", "when"]) is not { } body)
                    return Bad($"the body must be a JSON object with source, kind (clip or live), duration and when (now or next)");
                if (body.Problem is { } problem)
                    return problem;
                var insert = InsertRequest.Read(body.Fields, number, channels.All[number - 1], host, library);
                return insert.Problem ?? Act(channels, number, http, $"insert {insert.Source} ({insert.When})",
                    (h, who) => h.Insert(insert.Event!, insert.When == "now", who));
            })
            .Requires(ApiRole.Operator).Accepts<JsonElement>("application/json")
            .WithSummary("Insert a clip or a live input after the event on air: {source, kind: clip|live, duration, when: now|next}.");
        api.MapPost("/emergency", async (int number, HttpContext http) =>
            {
                var (host, error) = channels.Automation(number);
                if (host is null)
                    return error!;
                if (await Body(http, ["to", "input"]) is not { } body)
                    return Bad("the body must be a JSON object: {\"to\": \"filler\" | \"slate\" | \"input\", \"input\": NAME}");
                return body.Problem ?? Emergency(channels, number, http, channels.All[number - 1], body.Fields);
            })
            .Requires(ApiRole.Operator).Accepts<JsonElement>("application/json")
            .WithSummary("Cut the programme at the next tick to the filler, the slate or a live input: {to: filler|slate|input, input: NAME}.");
        api.MapPost("/emergency/clear", (int number, HttpContext http) =>
                Act(channels, number, http, "emergency clear", (host, who) => host.Automation.ClearEmergency(who)))
            .Requires(ApiRole.Operator).WithSummary("End the emergency: the automation's programme again, the event whose time it is in progress.");
        api.MapPost("/fallback/hold", (int number, double? minutes, HttpContext http) =>
                minutes is not double held || !(held > 0 && held <= Automation.Runtime.ChannelAutomation.LongestFallbackHold.TotalMinutes)
                ? Bad($"say for how long: ?minutes=M (more than 0, at most {Automation.Runtime.ChannelAutomation.LongestFallbackHold.TotalMinutes})")
                : Act(channels, number, http, $"fallback hold {held} min", (host, who) => host.Automation.HoldFallback(TimeSpan.FromMinutes(held), who)))
            .Requires(ApiRole.Operator).WithSummary("Hold the silence failover for ?minutes=M (intended silence): silence stays on air until then.");
        api.MapPost("/fallback/release", (int number, HttpContext http) =>
                Act(channels, number, http, "fallback release", (host, who) => host.Automation.ReleaseFallback(who)))
            .Requires(ApiRole.Operator).WithSummary("End the hold on the silence failover.");
        api.MapPost("/graphics", (int number, bool? on, HttpContext http) => on is not bool shown ? Bad("say ?on=true or ?on=false")
                : Act(channels, number, http, $"graphics {(shown ? "on" : "off")}",
                    (host, who) => host.Automation.Graphics(shown, [.. channels.All[number - 1].Config.Graphics.Select(g => g.Layer)], who)))
            .Requires(ApiRole.Operator).WithSummary("Show (?on=true) or hide (?on=false) the channel's graphics layers.");
    }

    private static IResult Emergency(ApiChannels channels, int number, HttpContext http, ChannelRuntime channel, IReadOnlyDictionary<string, JsonElement> fields)
    {
        string? to = Text(fields, "to"), input = Text(fields, "input");
        switch (to)
        {
            case "filler":
                return Act(channels, number, http, "emergency to filler", (host, who) => host.Automation.Emergency("filler", null, 0, channel.MakeFiller(), who));
            case "slate":
                Engine.Producers.Producer? slate;
                try
                {
                    slate = channel.MakeSlate();
                }
                catch (InvalidDataException e)
                {
                    return Results.Problem($"the slate cannot be shown: {e.Message}", statusCode: 409);
                }
                return slate is null
                    ? Results.Problem($"channel {number} has no slate: set filler.slate (or filler.image) in its configuration", statusCode: 409)
                    : Act(channels, number, http, "emergency to slate", (host, who) => host.Automation.Emergency("slate", null, 0, slate, who));
            case "input":
                if (input is null)
                    return Bad("name the input to cut to: \"input\": NAME");
                var config = channel.Config;
                int index = Enumerable.Range(0, config.Inputs.Count).FirstOrDefault(i => config.InputName(i) == input, -1);
                return index < 0 ? NoInput(number, config, input)
                    : Act(channels, number, http, $"emergency to input {input}", (host, who) => host.Automation.Emergency("input", input, config.Inputs[index].Layer, null, who));
            default:
                return Bad($"\"to\" must be filler, slate or input; got {(to is null ? "nothing" : $"'{to}'")}");
        }
    }

    internal static IResult NoInput(int number, ChannelConfig config, string name) =>
        Results.Problem($"channel {number} has no input '{name}' (its inputs: {(config.Inputs.Count == 0 ? "none" : string.Join(", ", Enumerable.Range(0, config.Inputs.Count).Select(config.InputName)))})",
            statusCode: 404);

    /// <summary>Runs an operator's action as the caller and logs it with its outcome.</summary>
    private static IResult Act(ApiChannels channels, int number, HttpContext http, string action, Func<AutomationHost, string, EditResult> act) =>
        channels.Answer(number, host =>
        {
            string who = ApiAuth.CallerOf(http).Name;
            var result = act(host, who);
            host.Automation.Channel.Context.Logger.LogOperator(host.Automation.Channel.Name, action, who, result);
            return ChannelEndpoints.Outcome(result);
        });

    internal sealed record RequestBody(IReadOnlyDictionary<string, JsonElement> Fields, IResult? Problem);

    /// <summary>The body's fields (null: not a JSON object); a field not in <paramref name="known"/> (when given) is a problem naming it.</summary>
    internal static async Task<RequestBody?> Body(HttpContext http, string[]? known)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            var fields = new Dictionary<string, JsonElement>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (known is not null && !known.Contains(field.Name))
                    return new RequestBody(fields, Bad($"unknown field '{field.Name}' (known: {string.Join(", ", known)})"));
                if (!fields.TryAdd(field.Name, field.Value.Clone()))
                    return new RequestBody(fields, Bad($"field '{field.Name}' is given twice"));
            }
            return new RequestBody(fields, null);
        }
        catch (JsonException e)
        {
            // Where, in plain words: System.Text.Json's own message names its internals.
            return new RequestBody(new Dictionary<string, JsonElement>(),
                Bad($"the body is not JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})"));
        }
    }

    internal static string? Text(IReadOnlyDictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static IResult Bad(string detail) => Results.Problem(detail, statusCode: 400);
}
