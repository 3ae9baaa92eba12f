namespace Playout.Automation.Schedules;

/// <summary>What became of an edit or operator action: done (with the schedule version it made), or refused and why.</summary>
public sealed record EditResult(bool Ok, string? Reason, long Version)
{
    public static EditResult Done(long version) => new(true, null, version);
    public static EditResult Refused(string reason) => new(false, reason, 0);
}
