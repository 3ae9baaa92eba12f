using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Playout.Automation.Imports;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// A manual insert's body made into an event, read as an event body of the schedule API is (same checks: a clip outside the
/// media roots is refused by name): a clip from the media folder, or a live input by its configured name.
/// </summary>
internal sealed record InsertRequest(string Source, string When, PrimaryEvent? Event, IResult? Problem)
{
    public static InsertRequest Read(IReadOnlyDictionary<string, JsonElement> fields, int number, ChannelRuntime channel, AutomationHost host, MediaLibrary library)
    {
        string? source = OperatorEndpoints.Text(fields, "source"), duration = OperatorEndpoints.Text(fields, "duration");
        string kind = OperatorEndpoints.Text(fields, "kind") ?? "clip", when = OperatorEndpoints.Text(fields, "when") ?? "next";
        InsertRequest Refused(IResult problem) => new(source ?? "", when, null, problem);
        // Every field is text: a number or an object where a word belongs is named, never read as the default.
        if (fields.FirstOrDefault(f => f.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) is { Key: { } notText })
            return Refused(OperatorEndpoints.Bad($"\"{notText}\" must be a string"));
        if (string.IsNullOrWhiteSpace(source))
            return Refused(OperatorEndpoints.Bad("name the source to insert: \"source\": a clip in the media folder, or an input's name"));
        if (when is not ("now" or "next"))
            return Refused(OperatorEndpoints.Bad($"\"when\" must be now or next; got '{when}'"));
        string eventSource;
        switch (kind)
        {
            case "clip":
                eventSource = source;
                break;
            case "live":
                var config = channel.Config;
                int index = Enumerable.Range(0, config.Inputs.Count).FirstOrDefault(i => config.InputName(i) == source, -1);
                if (index < 0)
                    return Refused(OperatorEndpoints.NoInput(number, config, source));
                var input = config.Inputs[index];
                if (input.Type == InputKind.St2110)
                    return Refused(OperatorEndpoints.Bad($"'{source}' is an st2110 input: it is on air on its layer {input.Layer}; schedules and inserts do not take ST 2110 flows yet"));
                eventSource = input.Url ?? $"card:{input.Index}";
                break;
            default:
                return Refused(OperatorEndpoints.Bad($"\"kind\" must be clip or live; got '{kind}'"));
        }
        string id = $"insert-{host.Automation.Channel.Tick}";
        var read = ScheduleImporter.ImportEvent("insert body", EventJson(id, kind, eventSource, $"insert: {source}", duration),
            new ScheduleImportOptions(host.Automation.Channel.Context.Format.FrameRate, host.Automation.Devices, Sources: host.Automation.Sources));
        if (read.Event is not { } e)
            return Refused(OperatorEndpoints.Bad(string.Join("; ", read.Errors)));
        if (kind == "clip")
        {
            if (host.Automation.Sources is { } rules && !File.Exists(rules.Resolve(source)))
                return Refused(Results.Problem($"clip '{source}' is not in the media folder", statusCode: 404));
            if (duration is null && library.LengthOf(source) is null)
                return Refused(Results.Problem($"the length of clip '{source}' is not known yet (the media library has not catalogued it): give a duration",
                    statusCode: 409));
        }
        return new InsertRequest(source, when, e, null);
    }

    private static string EventJson(string id, string kind, string source, string title, string? duration)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("kind", kind);
            json.WriteString("source", source);
            json.WriteString("title", title);
            if (duration is not null)
                json.WriteString("duration", duration);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
