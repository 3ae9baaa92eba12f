using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// Bearer-token roles for the API. Each request under /api names its token in "Authorization: Bearer …" (or, for
/// browsers' EventSource, which cannot set headers, in ?access_token=…); the token's role decides what it may do:
/// viewers read, operators also take/hold/skip, engineers also edit schedules and run scripts. With no tokens
/// configured (loopback only; the configuration refuses anything else) every request is an engineer's.
/// </summary>
public static class ApiAuth
{
    private const string CallerKey = "playout.caller";

    public sealed record Caller(string Name, ApiRole Role);

    public static void Use(WebApplication app, ApiConfig api)
    {
        var tokens = api.Tokens.ToDictionary(t => t.Token, t => new Caller(t.Name, t.Role), StringComparer.Ordinal);
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api"))
            {
                await next(http);
                return;
            }
            if (CrossSite(http.Request))
            {
                await Results.Problem("requests from another site's pages may only read", statusCode: 403).ExecuteAsync(http);
                return;
            }
            if (tokens.Count == 0)
                http.Items[CallerKey] = new Caller("local", ApiRole.Engineer);
            else if (TokenOf(http.Request) is { } token && tokens.TryGetValue(token, out var caller))
                http.Items[CallerKey] = caller;
            else
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem("a valid API token is needed (Authorization: Bearer TOKEN)", statusCode: 401).ExecuteAsync(http);
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

    /// <summary>
    /// A change asked by a page of another site (a browser names it in Origin): refused, so that a web page open on the
    /// playout machine cannot drive a token-less loopback API (cross-site request forgery).
    /// </summary>
    private static bool CrossSite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && request.Headers.Origin.ToString() is { Length: > 0 } origin
        && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    private static string? TokenOf(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        return request.Query["access_token"].FirstOrDefault();
    }
}
