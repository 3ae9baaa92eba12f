using Microsoft.AspNetCore.Builder;

namespace Playout.Server.Web;

/// <summary>
/// Ends every request when the service stops, not only when its client goes: streams (previews, live feeds) run until
/// their request is aborted, and the web host would otherwise wait its whole shutdown timeout for them.
/// </summary>
public static class EndOnStop
{
    public static void Use(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use((http, next) =>
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
            http.Response.RegisterForDispose(linked);
            http.RequestAborted = linked.Token;
            return next(http);
        });
    }
}
