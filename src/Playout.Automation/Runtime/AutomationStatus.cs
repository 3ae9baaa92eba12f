using Playout.Automation.Schedules;
using Playout.Engine.Channels;

namespace Playout.Automation.Runtime;

/// <summary>One event as the status shows it; times as timecode (start: time of day; the rest: durations).</summary>
public sealed record EventStatus(string Key, string Id, string Title, string Kind, string? Start, string? Elapsed, string? Remaining,
    string? Countdown)
{
    /// <summary>
    /// A song's intro (its file's intro marker, docs/RADIO.md): for the item on air the time left until the voice comes in
    /// (null once it has), for the next item the intro's length — the time a presenter may talk over it.
    /// </summary>
    public string? Intro { get; init; }
}

/// <summary>The channel's frame rate as a fraction (25/1, 30000/1001): a page counts on from <see cref="AutomationStatus.Tick"/> with it between updates.</summary>
public sealed record FrameRateStatus(long Num, long Den);

/// <summary>An emergency in force: what the programme was cut to (filler, slate, input), the input's name, since when (time of day) and who cut.</summary>
public sealed record EmergencyStatus(string To, string? Input, string Since, string Who);

/// <summary>
/// A break-in insert (an operator's insert while a block is on air): the insert (a countdown until it starts, then elapsed and
/// remaining), the block it covers, who asked, and the ticks it is shown from and until (exclusive).
/// </summary>
public sealed record InsertStatus(EventStatus Event, string Block, string Who, long From, long Until);

/// <summary>
/// What an operator follows: the event on air with its elapsed and remaining time, the next event, the next fixed start,
/// the automation's mode (idle, running, waiting for a take, held; <see cref="Held"/> is mode held), the count-to clocks,
/// an emergency in force, whether the channel's graphics are shown, and a break-in insert cued or on air over the event on air.
/// </summary>
public sealed record AutomationStatus(string Channel, long Tick, string Timecode, EventStatus? OnAir, EventStatus? Next,
    EventStatus? NextFixed, bool Held, long ScheduleVersion, string Mode, FrameRateStatus FrameRate, StatusClocks Clocks,
    EmergencyStatus? Emergency, bool GraphicsOn, InsertStatus? Insert = null)
{
    /// <summary>Until when (time of day) an operator holds the silence failover; null when not held.</summary>
    public string? FallbackHeldUntil { get; init; }

    /// <summary>The status of <paramref name="snapshot"/> as of the channel's tick now (times count on from the snapshot).</summary>
    internal static AutomationStatus Of(Channel channel, AutomationSnapshot snapshot, ITimecodes tc, EmergencyStatus? emergency, bool graphicsOn,
        BreakIn? breakIn)
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
        var rate = channel.Context.Format.FrameRate;
        return new AutomationStatus(channel.Name, now, tc.OfDay(now), Describe(snapshot.OnAir, snapshot.OnAirTick), Describe(snapshot.Next, null),
            Describe(StatusClocks.FirstFixed(snapshot, now), null), snapshot.Mode == AutomationMode.Held, snapshot.ScheduleVersion,
            snapshot.Mode.ToString().ToLowerInvariant(), new FrameRateStatus(rate.Numerator, rate.Denominator), StatusClocks.Of(snapshot, now, tc),
            emergency, graphicsOn, breakIn is { } b && now < b.End
                ? new InsertStatus(Describe(b.Item, now >= b.Start ? b.Start : null)!, b.Block, b.Who, b.Start, b.End) : null);
    }
}
