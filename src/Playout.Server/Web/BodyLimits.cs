using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// How much a request may send: api.maxBodyBytes, or api.maxFileBodyBytes for the endpoints marked with
/// <see cref="TakesFile{TBuilder}"/> (schedule files, scripts). A body over the limit is answered 413, before it is read
/// when its Content-Length says so, or as soon as reading passes the limit.
/// </summary>
public static class BodyLimits
{
    private sealed class FileBody;

    public static TBuilder TakesFile<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileBody());

    public static void Use(WebApplication app, ApiConfig api) =>
        app.Use(async (http, next) =>
        {
            long limit = http.GetEndpoint()?.Metadata.GetMetadata<FileBody>() is null ? api.MaxBodyBytes : api.MaxFileBodyBytes;
            if (http.Request.ContentLength > limit)
            {
                await Results.Problem(TooLarge(limit), statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            await next(http);
        });

    public static string TooLarge(long limit) => $"the request body is larger than this endpoint takes ({limit} bytes)";
}
