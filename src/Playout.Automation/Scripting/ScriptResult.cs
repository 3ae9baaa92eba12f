using Playout.Automation.Schedules;

namespace Playout.Automation.Scripting;

/// <summary>
/// What a script run made: the new schedule (only when it succeeded), the lines it logged and its errors. It changes
/// nothing by itself: <see cref="AsEdit"/> is what to hand to <c>ChannelAutomation.Apply</c>.
/// </summary>
public sealed class ScriptResult
{
    private ScriptResult(ChannelSchedule input, ChannelSchedule? schedule, IReadOnlyList<string> log, IReadOnlyList<ScriptError> errors)
    {
        Input = input;
        Schedule = schedule;
        Log = log;
        Errors = errors;
    }

    /// <summary>The schedule the script started from.</summary>
    public ChannelSchedule Input { get; }

    /// <summary>The script's schedule; null when it failed.</summary>
    public ChannelSchedule? Schedule { get; }

    public IReadOnlyList<string> Log { get; }
    public IReadOnlyList<ScriptError> Errors { get; }
    public bool Ok => Schedule is not null;

    internal static ScriptResult Succeeded(ChannelSchedule input, ChannelSchedule schedule, IReadOnlyList<string> log) => new(input, schedule, log, []);

    internal static ScriptResult Failed(ChannelSchedule input, IReadOnlyList<string> log, params ScriptError[] errors) => new(input, null, log, errors);

    /// <summary>
    /// The edit that puts the script's schedule in place of the one it started from, all at once. Refused (a
    /// <see cref="ScheduleEditException"/>, which <c>ChannelAutomation.Apply</c> reports) when the schedule has
    /// changed since the script read it: the script's days were worked out from a schedule that no longer exists.
    /// </summary>
    public Func<ChannelSchedule, ChannelSchedule> AsEdit()
    {
        var schedule = Schedule ?? throw new InvalidOperationException("a failed script has no schedule to apply");
        return current => ReferenceEquals(current, Input)
            ? schedule
            : throw new ScheduleEditException($"the schedule changed while the script ran (version {Input.Version}, now {current.Version}); run it again");
    }
}
