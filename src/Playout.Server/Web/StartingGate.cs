using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Playout.Server.Web;

/// <summary>
/// The web host listens before any channel goes on air (so a port in use stops the service before it touches air); until
/// the channels are up, API requests are answered 503 instead of reaching a half-built service.
/// </summary>
public sealed class StartingGate
{
    private volatile bool _open;

    public void Use(WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (!_open && http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.Headers.RetryAfter = "1";
                await Results.Problem("the service is starting its channels; retry in a moment", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    public void Open() => _open = true;
}
