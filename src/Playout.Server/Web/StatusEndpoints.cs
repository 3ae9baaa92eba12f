using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Engine.Alarms;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The status page and the read-only status API it polls (the operator panel and REST control come later).</summary>
public static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms)
    {
        app.MapGet("/", () => Results.Text(StatusPage.Value, "text/html; charset=utf-8"));
        app.MapGet("/api/status", () => Results.Json(new
        {
            Channels = channels.Select(c => c.Channel.Status()).ToArray(),
            Alarms = alarms.Active,
        }));
        app.MapGet("/api/channels/{index:int}/preview.jpg", (int index) =>
            index >= 0 && index < channels.Count && channels[index].Preview?.Latest is { } preview
                ? Results.File(preview.Jpeg, "image/jpeg")
                : Results.NotFound());
    }

    private static readonly Lazy<string> StatusPage = new(() =>
    {
        using var stream = typeof(StatusEndpoints).Assembly.GetManifestResourceStream("status.html")
            ?? throw new InvalidOperationException("status.html is not embedded in the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
