using Microsoft.Extensions.Logging;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// Checks the next 24 hours of every automated channel against the media catalogue, every minute and after each
/// scan and schedule edit, and keeps a "media" alarm per channel naming each scheduled item whose file is missing, unplayable or too
/// short — hours before it is due on air.
/// </summary>
public sealed class MediaWatch : IDisposable
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    private readonly IReadOnlyList<ChannelRuntime> _channels;
    private readonly MediaCatalog _catalog;
    private readonly ServiceConfig _service;
    private readonly AlarmBoard _alarms;
    private readonly ILogger _log;
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public MediaWatch(IReadOnlyList<ChannelRuntime> channels, MediaCatalog catalog, ServiceConfig service, AlarmBoard alarms, ILogger log)
    {
        _channels = channels;
        _catalog = catalog;
        _service = service;
        _alarms = alarms;
        _log = log;
        _timer = new Timer(_ => Check(), null, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        foreach (var channel in channels)
        {
            if (channel.Automation is { } host)
                host.Edited += () => ThreadPool.QueueUserWorkItem(_ => Check());
        }
    }

    /// <summary>Runs the check now (also after a scan or a schedule change).</summary>
    public void Check()
    {
        lock (_gate)
        {
            foreach (var channel in _channels)
            {
                if (channel.Automation is not { } host)
                    continue;
                try
                {
                    Report(channel.Channel.Name, MediaMissingCheck.Check(Items(host), _catalog));
                }
                catch (Exception error)
                {
                    // Runs on a timer: an exception here would end the process.
                    _log.LogError(error, "{Channel}: media check failed", channel.Channel.Name);
                }
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            // Waits for a check in progress: the catalogue goes away after this.
        }
    }

    /// <summary>Every scheduled clip and still in the next 24 h, once per event.</summary>
    private IEnumerable<MediaCheckItem> Items(AutomationHost host)
    {
        var time = host.Time;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = host.Automation.PlanAhead(Ahead);
        // A clip of unknown length is left out of the plan: the usual reason is that the library does not have it.
        foreach (var skipped in plan.Skipped)
        {
            var e = skipped.Event;
            if (e.Kind == PrimaryKind.Clip && e.Source is { } source && !Engine.MediaUrl.IsNetwork(source) && seen.Add(skipped.Key.Split('#')[0]))
                yield return new MediaCheckItem(e.Id, e.DisplayName,
                    TimeZoneInfo.ConvertTime(time.LocalInstantOfDay(skipped.Day, host.Automation.Planner.Settings.DayStart), time.Zone), _service.MediaPath(source));
        }
        foreach (var item in plan.Items)
        {
            var e = item.Event;
            if (item.IsFiller || item.Start is not long start || e.Kind is not (PrimaryKind.Clip or PrimaryKind.Still)
                || e.Source is null || Engine.MediaUrl.IsNetwork(e.Source) || !seen.Add(item.Key.Split('#')[0]))
                continue;
            TimeSpan? needed = e.Kind == PrimaryKind.Clip && !e.Loop ? item.SourceOffset + (time.InstantOf(start + item.Length) - time.InstantOf(start)) : null;
            yield return new MediaCheckItem(e.Id, e.DisplayName, TimeZoneInfo.ConvertTime(time.InstantOf(start), time.Zone), _service.MediaPath(e.Source), needed);
        }
    }

    private void Report(string channel, IReadOnlyList<MediaFinding> findings)
    {
        string source = $"{channel}/media";
        if (findings.Count == 0)
        {
            _alarms.Clear(source);
            return;
        }
        string shown = string.Join("; ", findings.Take(5).Select(f => f.Message));
        _alarms.Raise(source, AlarmSeverity.Warning,
            $"{findings.Count} scheduled item(s) in the next 24 h cannot play: {shown}{(findings.Count > 5 ? "; …" : "")}");
    }
}
