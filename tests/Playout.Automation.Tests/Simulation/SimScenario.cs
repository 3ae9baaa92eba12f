using System.Text;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// A generated run: <paramref name="Days"/> broadcast days from <see cref="FirstDay"/> (a day missing from
/// <paramref name="Schedule"/> has no schedule of its own) and the actions taken during them. FsCheck shrinks it by dropping
/// days from the end, actions and events, so a failure comes down to the few that cause it.
/// </summary>
/// <param name="Replay">The environment that makes the scenario this one was shrunk from (or this one) again.</param>
internal sealed record SimScenario(int Seed, int Days, IReadOnlyList<DaySchedule> Schedule, IReadOnlyList<SimAction> Actions, string Replay)
{
    public static readonly DateOnly FirstDay = new(2026, 3, 2);

    /// <summary>Smaller scenarios that may fail the same way, the cheapest first (shorter runs).</summary>
    public IEnumerable<SimScenario> Shrink()
    {
        foreach (int days in new[] { 1, Days / 4, Days / 2, Days - 1 }.Where(d => d >= 1 && d < Days).Distinct())
        {
            var last = FirstDay.AddDays(days);
            yield return this with { Days = days, Schedule = [.. Schedule.Where(d => d.Date < last)], Actions = [.. Actions.Where(a => a.Second < days * 86400L)] };
        }
        foreach (var day in Schedule.Where(_ => Schedule.Count > 1))
            yield return this with { Schedule = [.. Schedule.Where(d => d != day)] };
        for (int chunk = Actions.Count / 2; chunk >= 1; chunk /= 2)
        {
            for (int at = 0; at + chunk <= Actions.Count; at += chunk)
                yield return this with { Actions = [.. Actions.Take(at), .. Actions.Skip(at + chunk)] };
        }
        foreach (var day in Schedule)
        {
            for (int chunk = day.Events.Count / 2; chunk >= 1; chunk /= 2)
            {
                for (int at = 0; at + chunk <= day.Events.Count; at += chunk)
                {
                    var events = day.Events.Take(at).Concat(day.Events.Skip(at + chunk)).ToList();
                    if (events.Count > 0)
                        yield return this with { Schedule = [.. Schedule.Select(d => d == day ? day with { Events = events } : d)] };
                }
            }
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder($"seed {Seed}, {Days} day(s)");
        foreach (var day in Schedule)
            text.Append($"\n  {day.Date:yyyy-MM-dd}: ").AppendJoin(", ", day.Events.Select(Describe));
        text.Append("\n  actions: ").AppendJoin(", ", Actions);
        return text.ToString();
    }

    private static string Describe(PrimaryEvent e)
    {
        string timing = e.Timing switch { TimingMode.Fixed when e.Start is { } at => $"@{(int)at.TotalHours:00}:{at:mm\\:ss}", TimingMode.Manual => "manual", _ => "" };
        string length = e.Duration is { } d ? (d.TotalSeconds < 1 ? $"{d.TotalMilliseconds}ms" : $"{d.TotalSeconds}s") : "open";
        string children = e.Kind == PrimaryKind.Block ? $"[{string.Join(" ", e.Blocks.Select(Describe))}]" : "";
        return $"{e.Id}:{e.Kind.ToString().ToLowerInvariant()}{(e.Loop ? "(loop)" : "")}{timing}/{length}{(e.Source?.StartsWith("fail", StringComparison.Ordinal) == true || e.Source?.StartsWith("missing", StringComparison.Ordinal) == true ? "/failing" : "")}{children}";
    }
}
