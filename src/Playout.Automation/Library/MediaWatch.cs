using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;

namespace Playout.Automation.Library;

/// <summary>
/// Checks the next 24 hours of every automated channel against the media catalogue, every minute and after each
/// scan and schedule edit (<see cref="MediaLibrary.Recheck"/>), and keeps a "media" alarm per channel naming each scheduled item whose file is missing, unplayable or too
/// short — hours before it is due on air.
/// </summary>
internal sealed class MediaWatch : IDisposable
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    private readonly IReadOnlyList<MediaWatchChannel> _channels;
    private readonly MediaCatalog _catalog;
    private readonly Func<string, string> _resolve;
    private readonly AlarmBoard _alarms;
    private readonly ILogger _log;
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public MediaWatch(IReadOnlyList<MediaWatchChannel> channels, MediaCatalog catalog, Func<string, string> resolve, AlarmBoard alarms, ILogger log)
    {
        _channels = channels;
        _catalog = catalog;
        _resolve = resolve;
        _alarms = alarms;
        _log = log;
        _timer = new Timer(_ => Check(), null, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    /// <summary>Runs the check now (also after a scan or a schedule change).</summary>
    public void Check()
    {
        lock (_gate)
        {
            foreach (var channel in _channels)
            {
                try
                {
                    Report(channel.Name, MediaMissingCheck.Check(Items(channel), _catalog));
                }
                catch (Exception error)
                {
                    // Runs on a timer: an exception here would end the process.
                    _log.LogError(error, "{Channel}: media check failed", channel.Name);
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
    private IEnumerable<MediaCheckItem> Items(MediaWatchChannel channel)
    {
        var time = channel.Time;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = channel.Automation.PlanAhead(Ahead);
        // A clip of unknown length is left out of the plan: the usual reason is that the library does not have it.
        foreach (var skipped in plan.Skipped)
        {
            var e = skipped.Event;
            if (e.Kind == PrimaryKind.Clip && e.Source is { } source && !Engine.MediaUrl.IsNetwork(source) && seen.Add(skipped.Key.Split('#')[0]))
                yield return new MediaCheckItem(e.Id, e.DisplayName,
                    TimeZoneInfo.ConvertTime(time.LocalInstantOfDay(skipped.Day, channel.Automation.Planner.Settings.DayStart), time.Zone), _resolve(source));
        }
        foreach (var item in plan.Items)
        {
            var e = item.Event;
            if (item.IsFiller || item.Start is not long start || e.Kind is not (PrimaryKind.Clip or PrimaryKind.Still)
                || e.Source is null || Engine.MediaUrl.IsNetwork(e.Source) || !seen.Add(item.Key.Split('#')[0]))
                continue;
            TimeSpan? needed = e.Kind == PrimaryKind.Clip && !e.Loop ? item.SourceOffset + (time.InstantOf(start + item.Length) - time.InstantOf(start)) : null;
            yield return new MediaCheckItem(e.Id, e.DisplayName, TimeZoneInfo.ConvertTime(time.InstantOf(start), time.Zone), _resolve(e.Source), needed);
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
