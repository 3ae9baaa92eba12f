using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Library;

namespace Playout.Server.Web;

/// <summary>The media catalogue: what the library holds, its probe results, and thumbnails.</summary>
public static class MediaEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MediaCatalog catalog)
    {
        var api = app.MapGroup("/api/media").WithTags("media");
        api.MapGet("", (string? search, int? offset, int? limit) => catalog.List(search, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 100, 1, 1000)))
            .WithSummary("Catalogued files (?search= in the name, ?offset=, ?limit=): duration, video and audio format, status.");
        api.MapGet("/thumbnail", (string path) => catalog.GetThumbnail(path) is { } jpeg ? Results.File(jpeg, "image/jpeg")
            : Results.Problem($"no thumbnail for {path}", statusCode: 404))
            .WithSummary("A file's thumbnail (JPEG), by its catalogue path.");
    }
}
