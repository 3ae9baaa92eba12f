using System.Globalization;
using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Probes;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>Turns what happened on air into as-run entries and writes them to the journal (when there is one).</summary>
internal sealed class AsRunRecorder(string channel, IScheduleTimeBase time, ITimecodes timecodes, AsRunJournal? journal)
{
    /// <summary>How many recent entries stay in memory for status and tests; the journal keeps them all.</summary>
    private const int RecentLimit = 1000;

    /// <summary>Why the item on air when the service stopped came off (its rest, after a restart, is a continued entry).</summary>
    public const string ServiceStopped = "the service stopped";

    /// <summary>Whether <paramref name="entry"/> was written because the service stopped with its item on air.</summary>
    public static bool Stopped(AsRunEntry entry) => entry.Reason?.EndsWith(ServiceStopped, StringComparison.Ordinal) == true;

    /// <summary>The latest entries recorded since start (the journal keeps them all, across restarts).</summary>
    public List<AsRunEntry> Recent { get; } = [];

    /// <summary>An item that went to air and came off at <paramref name="ended"/>; <paramref name="cutBy"/> says why, when not the plan.</summary>
    /// <param name="continued">It continues the item's entry from before a restart.</param>
    public void Aired(OnAirItem item, long ended, string? actions, bool continued, string? cutBy = null)
    {
        long frames = ended - item.Tick;
        var planned = item.Item;
        var (status, reason) = planned.IsFiller ? (AsRunStatus.Filler, (string?)null)
            : SignalLosses(item) is { } losses ? (AsRunStatus.Failed, losses)
            : item.Failure is { } failure ? (AsRunStatus.Failed, failure)
            : planned.Length > 0 && frames < planned.Length - JoinedLate(item) ? (AsRunStatus.Truncated, cutBy ?? planned.Cut ?? "taken off air early")
            : (AsRunStatus.Played, null);
        // An entry cut by the service stopping says so whatever its status: after a restart, its item continues.
        if (cutBy == ServiceStopped && reason != ServiceStopped)
            reason = reason is null ? ServiceStopped : $"{reason}; {ServiceStopped}";
        Write(Entry(planned.Key, planned.Day, planned.Event, status, reason, planned.Start, planned.Length, item.Tick, frames)
            with { Actions = actions, Continued = continued });
    }

    public void Skipped(SkippedItem item, string? actions) =>
        Write(Entry(item.Key, item.Day, item.Event, AsRunStatus.Skipped, item.Reason, null, 0, null, 0) with { Actions = actions });

    /// <summary>A note that is not an item (<see cref="AsRunStatuses.IsItem"/>): what happened from <paramref name="tick"/> for <paramref name="frames"/>.</summary>
    public void Note(DateOnly day, string key, string id, string title, string kind, AsRunStatus status, string reason, long tick, long frames,
        string? source = null) =>
        Write(new AsRunEntry(channel, day, key, id, title, kind, source, status, reason, null, null, null, 0,
            tick, time.InstantOf(tick), timecodes.OfDay(tick), frames, timecodes.Duration(frames)));

    /// <summary>An item's loudness as it aired (<paramref name="aired"/> is its entry): a note of its own, written once it is measured.</summary>
    public void Loudness(AsRunEntry aired, ItemLoudness measured)
    {
        string Figure(double? value, string unit) => value is { } v ? $"{v.ToString("0.0", CultureInfo.InvariantCulture)} {unit}" : "none";
        Write(aired with
        {
            Key = $"loudness {aired.Key}",
            Kind = "loudness",
            Status = AsRunStatus.Probe,
            Reason = $"integrated {Figure(measured.Integrated, "LUFS")}, true peak {Figure(measured.TruePeak, "dBTP")}, range {Figure(measured.Range, "LU")}",
            PlannedTick = null,
            PlannedStart = null,
            PlannedTimecode = null,
            PlannedFrames = 0,
            Actions = null,
            Loudness = measured.Integrated,
            TruePeak = measured.TruePeak,
        });
    }

    /// <summary>A live input's losses of signal on air, when and why, as its entry's reason; null when it had none.</summary>
    private string? SignalLosses(OnAirItem item)
    {
        if (item.Cue.Producer is not ILiveInput { SignalLosses: [var first, ..] losses })
            return null;
        var spans = losses.Select(l => l.BackTick is long back ? $"{timecodes.OfDay(l.LostTick)} to {timecodes.OfDay(back)}"
            : $"{timecodes.OfDay(l.LostTick)} to the end");
        return $"{first.Reason}; lost {string.Join(", ", spans)}";
    }

    /// <summary>Frames of an item joined in progress (the service started, or an edit re-timed it, after its planned start).</summary>
    private static long JoinedLate(OnAirItem item) => Math.Max(0, item.Tick - (item.Item.Start ?? item.Tick));

    private AsRunEntry Entry(string key, DateOnly day, PrimaryEvent e, AsRunStatus status, string? reason, long? plannedTick, long plannedFrames,
        long? actualTick, long actualFrames) =>
        new(channel, day, key, e.Id, e.DisplayName, e.Kind.ToString().ToLowerInvariant(), e.Source, status, reason,
            plannedTick, plannedTick is long p ? time.InstantOf(p) : null, plannedTick is long pt ? timecodes.OfDay(pt) : null, plannedFrames,
            actualTick, actualTick is long a ? time.InstantOf(a) : null, actualTick is long at ? timecodes.OfDay(at) : null, actualFrames,
            timecodes.Duration(actualFrames));

    private void Write(AsRunEntry entry)
    {
        journal?.Append(entry);
        lock (Recent)
        {
            if (Recent.Count == RecentLimit)
                Recent.RemoveAt(0);
            Recent.Add(entry);
        }
    }
}
