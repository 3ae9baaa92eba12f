using System.Text;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// A generated run: <paramref name="Days"/> broadcast days from <see cref="FirstDay"/> (a day missing from
/// <paramref name="Schedule"/> has no schedule of its own) and the actions taken during them. FsCheck shrinks it by dropping
/// days from the end, actions and events, so a failure comes down to the few that cause it.
/// </summary>
internal sealed record SimScenario(int Seed, int Days, IReadOnlyList<DaySchedule> Schedule, IReadOnlyList<SimAction> Actions)
{
    public static readonly DateOnly FirstDay = new(2026, 3, 2);

    /// <summary>Smaller scenarios that may fail the same way, the cheapest first (shorter runs).</summary>
    public IEnumerable<SimScenario> Shrink()
    {
        for (int days = 1; days < Days; days = Math.Max(days + 1, days * 2))
        {
            var last = FirstDay.AddDays(days);
            yield return new SimScenario(Seed, days, [.. Schedule.Where(d => d.Date < last)], [.. Actions.Where(a => a.Second < days * 86400L)]);
        }
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
        string timing = e.Timing switch { TimingMode.Fixed => $"@{e.Start:hh\\:mm\\:ss}", TimingMode.Manual => "manual", _ => "" };
        string length = e.Duration is { } d ? (d.TotalSeconds < 1 ? $"{d.TotalMilliseconds}ms" : $"{d.TotalSeconds}s") : "open";
        string children = e.Kind == PrimaryKind.Block ? $"[{string.Join(" ", e.Blocks.Select(Describe))}]" : "";
        return $"{e.Id}:{e.Kind.ToString().ToLowerInvariant()}{(e.Loop ? "(loop)" : "")}{timing}/{length}{(e.Source?.StartsWith("fail", StringComparison.Ordinal) == true || e.Source?.StartsWith("missing", StringComparison.Ordinal) == true ? "/failing" : "")}{children}";
    }
}
