using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Engine.Channels;
using Playout.Engine.Probes;

namespace Playout.Server.Web;

/// <summary>The programme's audio meters for an operator's panel: peak and PPM per pair, with the loudness figures when loudness is on.</summary>
public static class MeterEndpoints
{
    /// <summary>What a panel's meter bridge draws; the loudness figures (LUFS) are the programme's first meter's, null with loudness off.</summary>
    public sealed record Meters(long Tick, IReadOnlyList<PairMeter> Pairs, double? Momentary, double? ShortTerm, double? ItemIntegrated);

    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, StreamClients streams)
    {
        var api = app.MapGroup("/api/channels/{number:int}/meters").WithTags("channels");
        api.MapGet("", (int number) => channels.Find(number) is ({ } c, _) ? Results.Json(Read(c.Channel)) : channels.Find(number).Error!)
            .WithSummary("Peak (dBFS, last frame) and PPM (IEC 60268-10 type I) per programme pair, and momentary, short-term and item loudness.");
        api.MapGet("/stream", (int number, HttpContext http) => channels.Find(number) is ({ } c, _)
                ? streams.TryOpen(http) ?? TypedResults.ServerSentEvents(ChannelEndpoints.Updates(() => Read(c.Channel), http.RequestAborted), "meters")
                : channels.Find(number).Error!)
            .WithSummary("The meters as server-sent events, 12.5 a second (counts against api.maxStreamClients).");
    }

    /// <summary>The meters of <paramref name="channel"/> now (also what the panel's stream carries).</summary>
    public static Meters Read(Channel channel)
    {
        var peaks = AudioMeters.Of(channel)?.Status;
        var loudness = LoudnessProbe.Of(channel)?.Status();
        var programme = loudness?.Meters.FirstOrDefault();
        return new Meters(peaks?.Tick ?? channel.Tick, peaks?.Pairs ?? [], programme?.Momentary, programme?.ShortTerm, loudness?.ItemIntegrated);
    }
}
