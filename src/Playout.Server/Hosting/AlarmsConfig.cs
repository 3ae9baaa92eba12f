using System.Text.Json.Serialization;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>How alarms are damped and kept (docs/MONITORING.md).</summary>
public sealed record AlarmsConfig
{
    /// <summary>Seconds a condition must last before it becomes an alarm (0: at once).</summary>
    public double HoldOffSeconds { get; init; }

    /// <summary>Seconds an alarm stays after its condition clears; back meanwhile, it is the same alarm (no clear, no new raise).</summary>
    public double ClearDelaySeconds { get; init; } = 2;

    /// <summary>Seconds after a restart for the source of an alarm active at the stop to raise it again and keep its id.</summary>
    public double RestartGraceSeconds { get; init; } = 30;

    /// <summary>The most cleared alarms kept listed for acknowledging.</summary>
    public int KeepCleared { get; init; } = 1000;

    [JsonIgnore]
    public AlarmDamping Damping => new(TimeSpan.FromSeconds(HoldOffSeconds), TimeSpan.FromSeconds(ClearDelaySeconds),
        TimeSpan.FromSeconds(RestartGraceSeconds), KeepCleared);

    internal void Validate(string where, ConfigProblems problems)
    {
        Seconds($"{where}.holdOffSeconds", HoldOffSeconds, problems);
        Seconds($"{where}.clearDelaySeconds", ClearDelaySeconds, problems);
        Seconds($"{where}.restartGraceSeconds", RestartGraceSeconds, problems);
        if (KeepCleared is < 1 or > 100_000)
            problems.Add($"{where}.keepCleared", $"1 to 100000; got {KeepCleared}");
    }

    private static void Seconds(string where, double seconds, ConfigProblems problems)
    {
        if (!double.IsFinite(seconds) || seconds is < 0 or > 3600)
            problems.Add(where, $"0 to 3600 seconds; got {seconds}");
    }
}
