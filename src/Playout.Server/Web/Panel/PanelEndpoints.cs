using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Playout.Server.Hosting;

namespace Playout.Server.Web.Panel;

/// <summary>The operator's panel (docs/PANEL.md): its page and files, its settings, and its one live stream.</summary>
public static class PanelEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServiceConfig config, PanelFeed feed, StreamClients streams)
    {
        app.MapGet("/", () => PanelAssets.Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/panel/{**path}", (string path) => PanelAssets.Serve(path)).ExcludeFromDescription();
        var api = app.MapGroup("/api/panel").WithTags("panel");
        api.MapGet("", (HttpContext http) => Settings(config, feed, ApiAuth.CallerOf(http)))
            .WithSummary("The panel's settings (languages, shortcuts, take debounce), the caller's name and role, the station and the channels.");
        api.MapGet("/stream", (HttpContext http) => streams.TryOpen(http) ?? TypedResults.ServerSentEvents(Events(feed, http.RequestAborted)))
            .WithSummary("Every channel's automation status, engine summary and meters (event 'update', 12.5 a second) and the alarms (event 'alarms', when they change), on one stream.");
    }

    public sealed record CallerJson(string Name, string Role);

    public sealed record StationJson(string Name, string TimeZone);

    /// <param name="HasFallback">The channel has a silence failover (automation.fallback), which an operator may hold.</param>
    public sealed record ChannelJson(int Number, string Name, string Format, bool Automated, bool HasPreview, bool HasFallback);

    public sealed record SettingsJson(IReadOnlyList<string> Languages, string DefaultLanguage, IReadOnlyDictionary<string, string> Shortcuts,
        int TakeDebounceMs, CallerJson Caller, StationJson Station, IReadOnlyList<ChannelJson> Channels);

    private static SettingsJson Settings(ServiceConfig config, PanelFeed feed, ApiAuth.Caller caller) => new(
        PanelConfig.Languages, config.Panel.DefaultLanguage, config.Panel.EffectiveShortcuts, config.Panel.TakeDebounceMs,
        new CallerJson(caller.Name, caller.Role.ToString().ToLowerInvariant()),
        new StationJson(config.Station.Name, config.Station.ZoneName(config)),
        [.. feed.Channels.Select((c, i) => new ChannelJson(i + 1, c.Channel.Name, c.Context.Format.Name, c.Automation is not null, c.Preview is not null,
            c.Automation is not null && c.Config.Automation?.Fallback is not null))]);

    /// <summary>How often the stream looks for a cut, a hold or an emergency, which it sends at once rather than at the next update.</summary>
    public static readonly TimeSpan ChangePoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The alarms first, then an update every <see cref="ChannelEndpoints.StreamInterval"/> — sooner when what is on air or
    /// the automation's mode changes, so a cut shows within <see cref="ChangePoll"/> — and the alarms again whenever they change.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> Events(PanelFeed feed, [EnumeratorCancellation] CancellationToken cancel)
    {
        long sentAlarms = -1;
        string? sentState = null;
        var sentAt = TimeSpan.MinValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var update in ChannelEndpoints.Updates(feed.Read, cancel, ChangePoll))
        {
            if (feed.AlarmsVersion != sentAlarms)
            {
                var alarms = feed.ReadAlarms();
                sentAlarms = alarms.Version;
                yield return new SseItem<object>(alarms, "alarms");
            }
            string state = string.Join('|', update.Channels.Select(c => $"{c.Automation?.OnAir?.Key}/{c.Automation?.Mode}/{c.Automation?.Emergency?.Since}/{c.Automation?.Insert?.Event.Key}/{c.Automation?.Insert?.Event.Elapsed is null}"));
            if (state == sentState && clock.Elapsed - sentAt < ChannelEndpoints.StreamInterval)
                continue;
            sentState = state;
            sentAt = clock.Elapsed;
            yield return new SseItem<object>(update, "update");
        }
    }
}
