using Playout.Automation.Schedules;
using Playout.Engine.Channels;

namespace Playout.Automation.Runtime;

/// <summary>One event as the status shows it; times as timecode (start: time of day; the rest: durations).</summary>
public sealed record EventStatus(string Key, string Id, string Title, string Kind, string? Start, string? Elapsed, string? Remaining,
    string? Countdown);

/// <summary>
/// What an operator follows: the event on air with its elapsed and remaining time, the next event, the next fixed start,
/// and the automation's mode (idle, running, waiting for a take, held; <see cref="Held"/> is mode held).
/// </summary>
public sealed record AutomationStatus(string Channel, long Tick, string Timecode, EventStatus? OnAir, EventStatus? Next,
    EventStatus? NextFixed, bool Held, long ScheduleVersion, string Mode)
{
    /// <summary>The status of <paramref name="snapshot"/> as of the channel's tick now (times count on from the snapshot).</summary>
    internal static AutomationStatus Of(Channel channel, AutomationSnapshot snapshot, ITimecodes tc)
    {
        long now = channel.Tick;
        EventStatus? Describe(PlannedItem? item, long? since)
        {
            if (item is null)
                return null;
            string? start = item.Start is long s ? tc.OfDay(since ?? s) : null;
            string? elapsed = since is long a ? tc.Duration(now - a) : null;
            string? remaining = since is not null && item.End is long end ? tc.Duration(Math.Max(0, end - now)) : null;
            string? countdown = since is null && item.Start is long st ? tc.Duration(Math.Max(0, st - now)) : null;
            return new EventStatus(item.Key, item.Event.Id, item.Event.DisplayName, item.IsFiller ? "filler" : item.Event.Kind.ToString().ToLowerInvariant(),
                start, elapsed, remaining, countdown);
        }
        var nextFixed = snapshot.Plan.Items.Skip(snapshot.FirstAhead).FirstOrDefault(i => i.Start > now && !i.IsFiller && i.Event.Timing == TimingMode.Fixed);
        return new AutomationStatus(channel.Name, now, tc.OfDay(now), Describe(snapshot.OnAir, snapshot.OnAirTick), Describe(snapshot.Next, null),
            Describe(nextFixed, null), snapshot.Mode == AutomationMode.Held, snapshot.ScheduleVersion, snapshot.Mode.ToString().ToLowerInvariant());
    }
}
