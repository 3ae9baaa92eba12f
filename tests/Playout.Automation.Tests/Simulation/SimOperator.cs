using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// An operator's actions and an engineer's live edits, made through <see cref="ChannelAutomation"/> as the REST API makes
/// them. The target is picked among what exists now (an event of today or tomorrow, by <see cref="SimAction.Pick"/>).
/// A quarter of the skips jump to the event after next instead (<see cref="ChannelAutomation.Next"/>), and a fifth of the
/// inserts are an operator's (<see cref="ChannelAutomation.Insert"/>, after the event on air, now or next).
/// </summary>
internal static class SimOperator
{
    /// <returns>The item acted on (null: none) and what became of the action.</returns>
    public static (string? Key, EditResult Result) Perform(ChannelAutomation automation, ScheduleTimeBase time, ScheduleSettings settings, SimAction action, long now)
    {
        var status = automation.Status();
        var day = time.BroadcastDayOf(now, settings.DayStart).AddDays(action.Pick % 3 == 0 ? 1 : 0);
        var events = automation.Schedule.DayOrTemplate(day)?.Events ?? [];
        string? Pick(int salt) => events.Count == 0 ? null : events[(action.Pick / salt) % events.Count].Id;
        return action.Kind switch
        {
            SimActionKind.Take => (status.Next?.Key, automation.Take()),
            SimActionKind.Hold => (status.OnAir?.Key, automation.Hold()),
            SimActionKind.Skip when action.Pick % 4 == 3 && AfterNext(automation, status) is { } target => (target.Key, automation.Next(target.Event.Id)),
            SimActionKind.Skip => (status.Next?.Key, automation.Skip()),
            SimActionKind.Insert when action.Pick % 5 == 1 => OperatorInsert(automation, action),
            SimActionKind.Insert => Insert(automation, time, settings, action, now, day, action.Pick % 5 == 0 ? null : Pick(1)),
            SimActionKind.Delete when Pick(1) is { } id => ($"{day:yyyy-MM-dd}/{id}", automation.Apply(s => ScheduleEdits.Delete(s, day, id), action.Force)),
            SimActionKind.Move when Pick(1) is { } id => ($"{day:yyyy-MM-dd}/{id}",
                automation.Apply(s => ScheduleEdits.Move(s, day, id, action.Pick % 5 == 0 || Pick(7) == id ? null : Pick(7)), action.Force)),
            _ => (null, EditResult.Refused($"no event to {action.Kind.ToString().ToLowerInvariant()} on {day:yyyy-MM-dd}")),
        };
    }

    /// <summary>The first scheduled item after the next event, as the pump last laid the plan out.</summary>
    private static PlannedItem? AfterNext(ChannelAutomation automation, AutomationStatus status) =>
        status.Next is { } next ? automation.Plan.Items.SkipWhile(i => i.Key != next.Key).Skip(1).FirstOrDefault(i => !i.IsFiller) : null;

    /// <summary>An operator's insert of a new follow event after the event on air: now on even picks, next on odd ones.</summary>
    private static (string?, EditResult) OperatorInsert(ChannelAutomation automation, SimAction action)
    {
        var e = ScenarioGenerator.Follow(new Random(action.Pick), $"x{action.Second}", 10 + action.Pick % 600);
        // It goes into the day of the item on air (keys start with their date).
        string? day = automation.Status().OnAir?.Key[..10];
        return (day is null ? null : $"{day}/{e.Id}", automation.Insert(e, now: action.Pick % 2 == 0));
    }

    /// <summary>Inserts a new event after <paramref name="after"/> (null: first): a follow event, or one fixed 5 to 65 minutes from now.</summary>
    private static (string, EditResult) Insert(ChannelAutomation automation, ScheduleTimeBase time, ScheduleSettings settings, SimAction action, long now,
        DateOnly day, string? after)
    {
        string id = $"x{action.Second}";
        var e = ScenarioGenerator.Follow(new Random(action.Pick), id, 10 + action.Pick % 600);
        var at = time.InstantOf(now) + TimeSpan.FromMinutes(5 + action.Pick % 60) - time.LocalInstantOfDay(day, settings.DayStart);
        if (action.Pick % 4 == 0 && at > TimeSpan.Zero && at < TimeSpan.FromHours(23.9))
            e = e with { Timing = TimingMode.Fixed, Start = settings.DayStart + TimeSpan.FromSeconds(Math.Floor(at.TotalSeconds)) };
        return ($"{day:yyyy-MM-dd}/{id}", automation.Apply(s => ScheduleEdits.Insert(s, day, e, after), action.Force));
    }
}
