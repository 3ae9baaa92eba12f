using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// How much a request may send: api.maxBodyBytes, or api.maxFileBodyBytes for the endpoints marked with
/// <see cref="TakesFile{TBuilder}"/> (schedule files, scripts). The body is read here, before the endpoint: one over the
/// limit is answered 413 once the client has finished sending it (up to <see cref="DrainBytes"/> more are read and
/// dropped, so the client reads the answer instead of a reset connection); a larger one is cut off.
/// </summary>
public static class BodyLimits
{
    /// <summary>How much past its limit an oversized body is still read (and dropped) so that its sender sees the 413.</summary>
    public const long DrainBytes = 1 << 20;

    private sealed class FileBody;

    public static TBuilder TakesFile<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileBody());

    public static void Use(WebApplication app, ApiConfig api) =>
        app.Use(async (http, next) =>
        {
            long limit = http.GetEndpoint()?.Metadata.GetMetadata<FileBody>() is null ? api.MaxBodyBytes : api.MaxFileBodyBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit + DrainBytes;
            if (http.Request.ContentLength > limit + DrainBytes || !await Buffer(http.Request, limit))
            {
                await Results.Problem(TooLarge(limit), statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    public static string TooLarge(long limit) => $"the request body is larger than this endpoint takes ({limit} bytes)";

    /// <summary>Reads the body into memory for the endpoint; false (the rest read and dropped) when it is over <paramref name="limit"/>.</summary>
    private static async Task<bool> Buffer(HttpRequest request, long limit)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !HttpMethods.IsPost(request.Method)
            && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method)))
            return true;
        var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (body.Length + read > limit)
            {
                while (await request.Body.ReadAsync(chunk) > 0)
                {
                    // Dropped: the sender finishes, then reads the 413.
                }
                return false;
            }
            body.Write(chunk, 0, read);
        }
        body.Position = 0;
        request.Body = body;
        return true;
    }
}
