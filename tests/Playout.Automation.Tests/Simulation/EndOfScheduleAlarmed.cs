using Playout.Engine.Alarms;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Filler after the last event (nothing scheduled next) raises the major "schedule" alarm; a scheduled event on air
/// never stands under it.
/// </summary>
internal sealed class EndOfScheduleAlarmed : ISimInvariant
{
    public string Name => "filler after the end of the schedule is alarmed";

    public SimFailure? Check(SimState state)
    {
        // An action or edit this step has not been planned yet: the alarm follows at the next step.
        if (state.ActedNow || state.Status.OnAir is not { } onAir)
            return null;
        var alarm = state.Alarms.Active.FirstOrDefault(a => a.Source == $"{state.Status.Channel}/schedule");
        bool major = alarm?.Severity == AlarmSeverity.Major;
        var today = state.Time.BroadcastDayOf(state.Now, state.Settings.DayStart);
        bool later = state.Schedule.Days.Any(d => d.Key > today && d.Value.Events.Count > 0);
        if (onAir.Key == "end@filler" && !later && !major)
            return new SimFailure(Name, onAir.Key, $"filler on air after the last event at {state.When(state.Now)} with the alarm {alarm?.Severity.ToString() ?? "not raised"}", []);
        if (major && !onAir.Key.EndsWith("@filler", StringComparison.Ordinal))
            return new SimFailure(Name, onAir.Key, $"the major alarm \"{alarm!.Message}\" stands at {state.When(state.Now)} while {onAir.Key} is on air", []);
        return null;
    }
}
