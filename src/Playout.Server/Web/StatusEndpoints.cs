using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Engine.Alarms;
using Playout.Engine.Consumers;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The plain status page (/status.html, beside the panel at /) and the status API it polls: every channel's engine and automation status, the devices, the transmitter pairs and the alarms.</summary>
public static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiChannels channels, AlarmBoard alarms, ServiceDevices devices, ServiceTransmitterPairs pairs)
    {
        app.MapGet("/status.html", () => Results.Text(StatusPage.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/status", () => Results.Json(new
        {
            Channels = channels.All.Select(c => new { Engine = c.Channel.Status(), Automation = c.Automation?.Automation.Status() }).ToArray(),
            Devices = devices.Registry.All.Select(d => d.Status()).ToArray(),
            TransmitterPairs = pairs.All.Select(p => p.Status()).ToArray(),
            Alarms = alarms.Listed,
        })).WithTags("channels").WithSummary("Every channel's engine and automation status, each device's and transmitter pair's, and the listed alarms (active, and cleared ones not yet acknowledged).");
        app.MapGet("/api/channels/{number:int}/preview.jpg", (int number) =>
            channels.Find(number) is ({ Preview.Latest: { } preview }, _) ? Results.File(preview.Jpeg, "image/jpeg") : Results.NotFound())
            .WithTags("channels").WithSummary("The programme's latest preview picture (JPEG).");
        app.MapGet("/api/channels/{number:int}/outputs/{output:int}/flow.sdp", (int number, int output) =>
            channels.Find(number) is ({ } channel, _) && output >= 1 && output <= channel.Outputs.Count
                && channel.Outputs[output - 1].Consumer is ISdpFlow flow
                ? Results.Text(flow.Sdp, "application/sdp")
                : Results.NotFound())
            .WithTags("channels").WithSummary("The session description of an st2110, st2110-audio or st2110-anc output (its n-th output, from 1): what a receiver needs to take the flow.");
        app.MapGet("/api/channels/{number:int}/hls/{**path}", (int number, string path, HttpContext http) =>
            channels.Find(number) is ({ } channel, _)
                && channel.Outputs.Select(o => o.Consumer).OfType<HlsConsumer>().FirstOrDefault() is { } hls
                ? HlsFiles.Serve(hls.Folder, path, http.Response)
                : Results.NotFound())
            .WithTags("channels").WithSummary("The channel's HLS output: master.m3u8, each rendition's playlist (720p/index.m3u8), its init.mp4 and segments.");
    }

    private static readonly Lazy<string> StatusPage = new(() =>
    {
        using var stream = typeof(StatusEndpoints).Assembly.GetManifestResourceStream("status.html")
            ?? throw new InvalidOperationException("status.html is not embedded in the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
