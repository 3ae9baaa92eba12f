using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Library;
using Playout.Engine.Library;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The media catalogue: what the library holds, its probe results, thumbnails, and the markers operators set.</summary>
public static class MediaEndpoints
{
    /// <summary>The markers a body may set, in their order in a file.</summary>
    private static readonly string[] MarkerNames = ["cueIn", "intro", "segue", "cueOut"];

    public static void Map(IEndpointRouteBuilder app, MediaLibrary library)
    {
        var catalog = library.Catalog;
        var api = app.MapGroup("/api/media").WithTags("media");
        api.MapGet("", (string? search, int? offset, int? limit) => catalog.List(search, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 100, 1, 1000)))
            .WithSummary("Catalogued files (?search= in the name, ?offset=, ?limit=): duration, video and audio format, status, loudness, markers.");
        api.MapGet("/thumbnail", (string path) => catalog.GetThumbnail(path) is { } jpeg ? Results.File(jpeg, "image/jpeg")
            : Results.Problem($"no thumbnail for {path}", statusCode: 404))
            .WithSummary("A file's thumbnail (JPEG), by its catalogue path.");
        api.MapPut("/markers", async (string? path, HttpContext http) =>
            {
                if (string.IsNullOrWhiteSpace(path))
                    return OperatorEndpoints.Bad("name the file: ?path=NAME (its name in the media folder, or its catalogue path)");
                if (await OperatorEndpoints.Body(http, MarkerNames) is not { } body)
                    return OperatorEndpoints.Bad("the body must be a JSON object of markers in seconds from the file's start: {\"cueIn\": 0.4, \"segue\": 181.2}");
                if (body.Problem is { } problem)
                    return problem;
                var times = new TimeSpan?[MarkerNames.Length];
                for (int i = 0; i < MarkerNames.Length; i++)
                {
                    if (!body.Fields.TryGetValue(MarkerNames[i], out var value) || value.ValueKind == JsonValueKind.Null)
                        continue;
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double seconds) || !MediaMarkers.IsTime(seconds))
                        return OperatorEndpoints.Bad($"\"{MarkerNames[i]}\" must be a number of seconds from the file's start, or null");
                    times[i] = TimeSpan.FromSeconds(seconds);
                }
                try
                {
                    return library.SetMarkers(path, new MediaMarkers(times[0], times[1], times[2], times[3])) is { } entry ? Results.Json(entry)
                        : Results.Problem($"{path} is not in the media catalogue", statusCode: 404);
                }
                catch (ArgumentException error)
                {
                    return OperatorEndpoints.Bad(error.Message);
                }
            })
            .Requires(ApiRole.Engineer)
            .WithSummary("Sets an operator's markers on a file (?path=), in seconds: cueIn, intro, segue, cueOut; each over the scan's, null or absent leaves the scan's. " +
                "Kept when the file is scanned again; the automated channels lay their schedules out anew with them.");
    }
}
