using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Playout.Server.Web.Panel;

/// <summary>
/// The panel's files (HTML, ES modules, CSS), embedded in the executable under "panel/": the service ships every asset
/// itself, nothing comes from a CDN and nothing is built at run time.
/// </summary>
public static class PanelAssets
{
    private const string Prefix = "panel/";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(() =>
    {
        var assembly = typeof(PanelAssets).Assembly;
        return assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[Prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
    });

    /// <summary>The file at <paramref name="path"/> (relative to the panel's folder), or 404.</summary>
    public static IResult Serve(string path)
    {
        if (!Files.Value.TryGetValue(path, out byte[]? content) || !Types.TryGetValue(Path.GetExtension(path), out string? type))
            return Results.Problem($"the panel has no file '{path}'", statusCode: StatusCodes.Status404NotFound);
        return new Asset(content, type);
    }

    /// <summary>
    /// A file sent with headers that keep the page to its own origin (no script, style or connection elsewhere) and make
    /// the browser ask again after a restart, so an upgraded service serves its own panel.
    /// </summary>
    private sealed class Asset(byte[] content, string type) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
            http.Response.ContentType = type;
            http.Response.ContentLength = content.Length;
            return http.Response.Body.WriteAsync(content).AsTask();
        }
    }
}
