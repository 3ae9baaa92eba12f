using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Automation.Library;
using Playout.Automation.Schedules;

namespace Playout.Server.Web;

/// <summary>
/// The programme preview as an MJPEG stream an &lt;img&gt; shows (multipart/x-mixed-replace, one part per preview picture,
/// at the preview output's rate), and a still of the cued next clip.
/// </summary>
public static class PreviewEndpoints
{
    public const string Boundary = "playout-preview", TickHeader = "X-Playout-Tick";

    private static readonly byte[] PartEnd = "\r\n"u8.ToArray();

    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, StreamClients streams, MediaLibrary library)
    {
        var api = app.MapGroup("/api/channels/{number:int}").WithTags("channels");
        api.MapGet("/preview.mjpeg", async (int number, HttpContext http) =>
        {
            var (channel, error) = channels.Find(number);
            var problem = error ?? (channel!.Preview is null ? Results.Problem($"channel {number} has no preview output", statusCode: 404) : streams.TryOpen(http));
            if (problem is not null)
            {
                await problem.ExecuteAsync(http);
                return;
            }
            await Stream(channel!.Preview!, http);
        }).WithSummary("The programme preview as MJPEG (multipart/x-mixed-replace) at the preview's rate; ?ticket= for an <img> (counts against api.maxStreamClients).");
        api.MapGet("/cued.jpg", (int number) => channels.Answer(number, host =>
            host.Automation.CuedNext() is not { Event: { Kind: PrimaryKind.Clip, Source: { } source } } next
                ? Results.Problem("no clip is pre-rolled next", statusCode: 404)
                : library.Catalog.GetThumbnail(host.Automation.Sources?.Resolve(source) ?? source) is { } jpeg ? Results.File(jpeg, "image/jpeg")
                : Results.Problem($"the media library has no picture of {next.Event.Id}'s clip '{source}'", statusCode: 404)))
            .WithSummary("A still of the clip pre-rolled next (its media library thumbnail); 404 when none is.");
    }

    /// <summary>Sends each new preview picture as a part until the client goes (its stream place is given back then).</summary>
    private static async Task Stream(Engine.Consumers.PreviewConsumer preview, HttpContext http)
    {
        var cancel = http.RequestAborted;
        http.Response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
        http.Response.Headers.CacheControl = "no-store";
        long sent = -1;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (preview.Latest is { } latest && latest.Tick != sent)
                {
                    // The tick it shows, so a client measures the preview's latency in frames against the status's tick.
                    var header = Encoding.ASCII.GetBytes(
                        $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {latest.Jpeg.Length}\r\n{TickHeader}: {latest.Tick}\r\n\r\n");
                    await http.Response.Body.WriteAsync(header, cancel);
                    await http.Response.Body.WriteAsync(latest.Jpeg, cancel);
                    await http.Response.Body.WriteAsync(PartEnd, cancel);
                    await http.Response.Body.FlushAsync(cancel);
                    sent = latest.Tick;
                }
                // New pictures come at most 25 a second: looking every 10 ms adds at most that much latency.
                await Task.Delay(10, cancel);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went.
        }
    }
}
