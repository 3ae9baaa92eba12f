using Microsoft.AspNetCore.Http;

namespace Playout.Server.Web;

/// <summary>At most api.maxStreamClients server-sent event streams at once; a stream's place is freed when its client goes.</summary>
public sealed class StreamClients(int max)
{
    private int _open;

    /// <summary>Takes a place for the stream <paramref name="http"/> answers, given back when the request ends: null, or the 503 to answer when all are taken.</summary>
    public IResult? TryOpen(HttpContext http)
    {
        if (Interlocked.Increment(ref _open) > max)
        {
            Interlocked.Decrement(ref _open);
            return Results.Problem($"{max} status streams are open, the most this service serves (api.maxStreamClients); close one, or poll instead",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        http.Response.RegisterForDispose(new Place(this));
        return null;
    }

    private sealed class Place(StreamClients clients) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                Interlocked.Decrement(ref clients._open);
        }
    }
}
