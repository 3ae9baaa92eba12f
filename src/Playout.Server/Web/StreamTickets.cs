using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Playout.Server.Web;

/// <summary>
/// Single-use tickets for server-sent event streams: a browser's EventSource cannot send a bearer token, and a token in a
/// URL lands in logs and history, so a token holder asks for a ticket (POST /api/stream-ticket) and opens the stream
/// with ?ticket=… within <see cref="Lifetime"/>. A ticket opens one stream (an event stream, or an MJPEG preview an
/// &lt;img&gt; shows) once, as its holder.
/// </summary>
public sealed class StreamTickets(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (ApiAuth.Caller Holder, DateTimeOffset Expires)> _tickets = new(StringComparer.Ordinal);

    public sealed record Ticket(string Value, int ExpiresInSeconds);

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/stream-ticket", (HttpContext http) => Issue(ApiAuth.CallerOf(http)))
            .WithTags("channels").WithSummary("A single-use ticket that opens one status stream (?ticket=) within 30 s, for clients that cannot send a token.");

    public Ticket Issue(ApiAuth.Caller holder)
    {
        var now = time.GetUtcNow();
        foreach (var (value, (_, expires)) in _tickets)
        {
            if (expires <= now)
                _tickets.TryRemove(value, out _);
        }
        string ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tickets[ticket] = (holder, now + Lifetime);
        return new Ticket(ticket, (int)Lifetime.TotalSeconds);
    }

    /// <summary>The holder of the ticket a stream request names (used up by this); null when it names none, or a spent or stale one.</summary>
    public ApiAuth.Caller? Redeem(HttpRequest request)
    {
        string path = request.Path.Value!;
        if (!HttpMethods.IsGet(request.Method) || !(path.EndsWith("/stream", StringComparison.Ordinal) || path.EndsWith(".mjpeg", StringComparison.Ordinal))
            || request.Query["ticket"].FirstOrDefault() is not { } ticket)
            return null;
        return _tickets.TryRemove(ticket, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Holder : null;
    }
}
