using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>What a script runs against: a schedule snapshot and the facts about the channel the script may read.</summary>
/// <param name="Schedule">The schedule the script starts from (a channel's current one, or <see cref="ChannelSchedule.Empty"/> offline).</param>
/// <param name="Today">The channel's current broadcast day; the script's <c>Today</c> and <c>Tomorrow</c> count from it.</param>
/// <param name="DayStart">When the channel's broadcast day starts: the time the first event of a day plays at.</param>
/// <param name="MediaLength">Finds a media file's length (null when unknown); null when the host has no media library to ask.</param>
public sealed record ScriptContext(ChannelSchedule Schedule, DateOnly Today, TimeSpan DayStart, Func<string, TimeSpan?>? MediaLength = null)
{
    /// <summary>The context of a channel as it is now: its schedule, its broadcast day, its day start.</summary>
    public static ScriptContext Of(ChannelAutomation automation, Func<string, TimeSpan?>? mediaLength = null)
    {
        var settings = automation.Planner.Settings;
        var today = automation.Planner.Time.BroadcastDayOf(automation.Channel.Tick, settings.DayStart);
        return new ScriptContext(automation.Schedule, today, settings.DayStart, mediaLength);
    }
}
