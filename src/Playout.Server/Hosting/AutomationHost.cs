using Microsoft.Extensions.Logging;
using Playout.Automation.AsRun;
using Playout.Automation.Imports;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Engine.Channels;
using Playout.Engine.Devices;
using Playout.Engine.Library;
using Playout.Engine.Modules;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.Playlists;

namespace Playout.Server.Hosting;

/// <summary>
/// A channel's automation in the service: its schedule (the saved one, else the configured files), its as-run
/// journal (state/asrun/CHANNEL/), and every accepted edit saved so a restart resumes where it was.
/// </summary>
public sealed class AutomationHost : IDisposable
{
    private readonly string _savedPath;
    private readonly ILogger _log;
    private readonly Lock _saving = new();

    /// <summary>The channel's alarm changes, probe episodes and items' loudness, written to its as-run log.</summary>
    private IDisposable? _alarmNotes, _probeNotes, _loudnessNotes;

    private AutomationHost(ChannelAutomation automation, AsRunJournal journal, ScheduleTimeBase time, string savedPath, ILogger log)
    {
        Automation = automation;
        Journal = journal;
        Time = time;
        _savedPath = savedPath;
        _log = log;
    }

    public ChannelAutomation Automation { get; }

    /// <summary>Raised after an accepted edit has been saved (on the editor's thread).</summary>
    public event Action? Edited;
    public AsRunJournal Journal { get; }
    public ScheduleTimeBase Time { get; }

    /// <summary>Builds the automation of a channel on air and loads its schedule; tick n airs where the channel's clock places it (<see cref="Channel.Epoch"/>).</summary>
    /// <exception cref="ConfigException">A configured schedule file is invalid (its errors are listed) or the saved one unreadable.</exception>
    public static AutomationHost Create(ServiceConfig service, ChannelConfig config, Channel channel, ModuleRegistry modules, IVideoCard? card, IDeviceCommands devices,
        IScte35Output? scte35, Func<PrimaryEvent, MediaTimes?>? media = null, Func<string, MediaLoudness?>? measuredLoudness = null,
        Func<string, MediaMarkers?>? markers = null)
    {
        var automation = config.Automation!;
        string where = $"{config.Name}: automation";
        var context = channel.Context;
        var settings = new ScheduleSettings(automation.DayStartTime(where), automation.Zone(where), automation.Layer, automation.GraphicsLayer,
            config.Filler.Image ?? config.Filler.Color ?? "black", TimeSpan.FromSeconds(automation.LookaheadSeconds), automation.EndWarning);
        // The clock's timeline: tick n airs at the epoch plus n frame periods, whatever ticks were late or skipped.
        var time = new ScheduleTimeBase(channel.Epoch, context.Format.FrameRate, settings.TimeZone);
        var rules = service.Sources;
        // Files are opened by their real path inside the media roots, checked again when opened (a link may change after validation).
        var sources = new EventSources(context, modules, rules.Open, settings.Filler, card, service.SourceProtocols, config.Loudness.Normalisation,
            measuredLoudness, markers);
        string slug = Slug(config.Name);
        var journal = new AsRunJournal(Path.Combine(service.StatePath, "asrun", slug));
        var runner = new ChannelAutomation(channel, new SchedulePlanner(settings, time, media), sources, time, journal, devices, scte35)
        {
            Sources = rules,
            TakeDebounce = TimeSpan.FromMilliseconds(service.Panel.TakeDebounceMs),
            Fallback = automation.Fallback is { } fallback ? Fallback(context, rules, fallback, $"{where}.fallback") : null,
        };
        var host = new AutomationHost(runner, journal, time, Path.Combine(service.StatePath, "schedules", slug + ".json"), context.Logger);
        host._alarmNotes = context.Alarms.Subscribe(change =>
        {
            if (change.Alarm.Channel == channel.Name)
                runner.Note(change);
        });
        host._probeNotes = ProgrammeProbes.Of(channel)?.Subscribe(runner.Note);
        host._loudnessNotes = LoudnessProbe.Of(channel) is { } loudness ? runner.Measure(loudness) : null;
        try
        {
            var saved = SavedSchedule.Load(host._savedPath);
            var schedule = saved ?? Configured(service, automation, context.Format.FrameRate, devices, where);
            var loaded = runner.Apply(_ => schedule);
            // A saved schedule (operators' edits) is never dropped unasked: one the configuration no longer takes (a device
            // renamed, a command's arguments changed) stops the start, saying which file and how to go on.
            if (!loaded.Ok && saved is not null)
                throw new ConfigException($"{where}: the saved schedule {host._savedPath} cannot be used: {loaded.Reason}; "
                    + "correct the configuration, or move the file away to start from the configured schedule");
            if (!loaded.Ok)
                throw new ConfigException($"{where}: the schedule cannot be used: {loaded.Reason}");
            host._log.LogInformation("{Channel}: schedule of {Days} day(s){Template} loaded; as-run log in {AsRun}", config.Name,
                schedule.Days.Count, schedule.Template is null ? "" : " and a default day", journal.Folder);
            runner.Pump();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the silence failover's fallback: the files of a folder in the media folder, looping in name order (listed anew at
    /// each failover, so files added later play), or one file looping.
    /// </summary>
    /// <exception cref="ConfigException">The folder or file is not there, or lies outside the media roots.</exception>
    private static Func<Producer> Fallback(ChannelContext context, SourceRules rules, string name, string where)
    {
        string path = rules.Resolve(name);
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new ConfigException($"{where}: '{name}' is neither a folder nor a file in the media folder ({path})");
        if (rules.CheckMedia(path) is { } problem)
            throw new ConfigException($"{where}: {problem}");
        return () =>
        {
            string[] files = Directory.Exists(path)
                ? [.. Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)]
                : [path];
            if (files.Length == 0)
                throw new InvalidOperationException($"the fallback folder {path} has no files");
            return new PlaylistProducer(context, "fallback", [.. files.Select(f => new PlaylistItem(rules.Open(f), ClipOptions.Default))], loop: true);
        };
    }

    /// <summary>Applies an edit; an accepted one is saved before this returns.</summary>
    public EditResult Edit(Func<ChannelSchedule, ChannelSchedule> edit, bool force, string who)
    {
        EditResult result;
        // One edit and its save at a time: the file on disk is always the schedule of the last accepted edit.
        lock (_saving)
        {
            result = Automation.Apply(edit, force);
            if (result.Ok)
                SavedSchedule.Save(_savedPath, Automation.Schedule);
        }
        if (result.Ok)
        {
            _log.LogInformation("{Channel}: schedule version {Version} by {Who}", Automation.Channel.Name, result.Version, who);
            Edited?.Invoke();
        }
        return result;
    }

    /// <summary>An operator's insert (<see cref="ChannelAutomation.Insert"/>); an accepted one is saved as an edit is.</summary>
    public EditResult Insert(PrimaryEvent e, bool now, string who)
    {
        EditResult result;
        lock (_saving)
        {
            result = Automation.Insert(e, now, who);
            if (result.Ok)
                SavedSchedule.Save(_savedPath, Automation.Schedule);
        }
        if (result.Ok)
            Edited?.Invoke();
        return result;
    }

    /// <summary>Starts the automation's pump thread.</summary>
    public void Start() => Automation.Start();

    public void Dispose()
    {
        _alarmNotes?.Dispose();
        _probeNotes?.Dispose();
        _loudnessNotes?.Dispose();
        Automation.Dispose();
        Journal.Dispose();
    }

    private static ChannelSchedule Configured(ServiceConfig service, AutomationConfig automation, Media.Formats.Rational rate, IDeviceCommands devices,
        string where)
    {
        var schedule = ChannelSchedule.Empty;
        if (automation.Schedule is { } file)
            schedule = schedule.With(Import(service.FilePath(file), new ScheduleImportOptions(rate, devices, Sources: service.Sources), where));
        if (automation.Template is { } template)
            schedule = schedule.WithTemplate(Import(service.FilePath(template), new ScheduleImportOptions(rate, devices, Sources: service.Sources), where).FirstOrDefault()?.Events);
        return schedule;
    }

    private static IReadOnlyList<DaySchedule> Import(string path, ScheduleImportOptions options, string where)
    {
        var result = ScheduleImporter.Load(path, options);
        if (!result.Ok)
            throw new ConfigException($"{where}: {string.Join("; ", result.Errors)}");
        return result.Days;
    }

    /// <summary>A channel's name as a file name: "channel 1" → "channel-1".</summary>
    public static string Slug(string name) =>
        string.Concat(name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
