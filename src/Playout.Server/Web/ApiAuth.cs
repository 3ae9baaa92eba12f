using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// Bearer-token roles for the API. A request under /api names its token in "Authorization: Bearer …" (never in the URL;
/// a browser's EventSource, which cannot set headers, uses a single-use stream ticket instead: <see cref="StreamTickets"/>).
/// The token's role decides what it may do: viewers read, operators also take/hold/skip, engineers also edit schedules
/// and run scripts. The service's local engineer token (STATE/api-token) is always one of them. With no tokens
/// configured (loopback only; the configuration refuses anything else) a request without a token may read, never change.
/// </summary>
public static class ApiAuth
{
    private const string CallerKey = "playout.caller";

    public sealed record Caller(string Name, ApiRole Role);

    public static void Use(WebApplication app, ApiConfig api, string localToken, string localTokenPath, StreamTickets tickets)
    {
        var tokens = api.Tokens.ToDictionary(t => t.Token, t => new Caller(t.Name, t.Role), StringComparer.Ordinal);
        tokens[localToken] = new Caller(LocalToken.Name, ApiRole.Engineer);
        bool openToRead = api.Tokens.Count == 0;
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/metrics"))
            {
                await next(http);
                return;
            }
            if (CrossSite(http.Request))
            {
                await Results.Problem("requests from another site's pages may only read", statusCode: 403).ExecuteAsync(http);
                return;
            }
            string? token = TokenOf(http.Request);
            if (token is not null && tokens.TryGetValue(token, out var caller))
                http.Items[CallerKey] = caller;
            else if (token is null && tickets.Redeem(http.Request) is { } holder)
                http.Items[CallerKey] = holder;
            else if (token is null && openToRead && IsRead(http.Request))
                http.Items[CallerKey] = new Caller("anonymous", ApiRole.Viewer);
            else
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                string detail = token is not null ? "the API token is not valid"
                    : openToRead ? $"changes need an API token (Authorization: Bearer TOKEN); this machine's engineer token is in {localTokenPath}"
                    : "a valid API token is needed (Authorization: Bearer TOKEN)";
                await Results.Problem(detail, statusCode: 401).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
    }

    /// <summary>Lets only callers with at least <paramref name="role"/> through (403 otherwise).</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, ApiRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = CallerOf(context.HttpContext);
            if (caller.Role < role)
                return Results.Problem($"{caller.Name} is a {caller.Role.ToString().ToLowerInvariant()}; this needs the {role.ToString().ToLowerInvariant()} role",
                    statusCode: 403);
            return await next(context);
        });

    public static Caller CallerOf(HttpContext http) => http.Items[CallerKey] as Caller ?? new Caller("anonymous", ApiRole.Viewer);

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    /// <summary>
    /// A change asked by a page of another site (a browser names it in Origin): refused, so that a web page open on the
    /// playout machine cannot drive the API with a token it found (cross-site request forgery).
    /// </summary>
    private static bool CrossSite(HttpRequest request) =>
        !IsRead(request)
        && request.Headers.Origin.ToString() is { Length: > 0 } origin
        && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    private static string? TokenOf(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
