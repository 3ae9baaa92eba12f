using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Makes a scenario from a seed: days of follow events, fixed starts (some leaving gaps, some overlapping, some right after a
/// looping block), manual events, looping and plain blocks, live events (open-ended or not), runs of 1–3 frame clips and
/// sources that fail; and operator actions at random times (take, hold, skip, insert, delete, move, restart).
/// Every schedule is valid (<see cref="ScheduleValidator"/>).
/// </summary>
internal static class ScenarioGenerator
{
    private const int DaySeconds = 86400;

    /// <param name="kinds">The actions to make (null: all of them).</param>
    public static SimScenario Make(int seed, int days, IReadOnlySet<SimActionKind>? kinds = null)
    {
        var random = new Random(seed);
        var schedule = new List<DaySchedule>();
        for (int d = 0; d < days; d++)
        {
            // Now and then a day without a schedule of its own: the filler runs until the next day's first event.
            if (d > 0 && random.Next(12) == 0)
                continue;
            schedule.Add(Day(random, SimScenario.FirstDay.AddDays(d), d));
        }
        var actions = new List<SimAction>();
        for (long second = 90; ; )
        {
            // Mostly far apart, sometimes in a quick burst (a take right after a skip, say).
            second += random.Next(5) == 0 ? random.Next(1, 30) : random.Next(60, 2400);
            if (second >= days * (long)DaySeconds)
                break;
            var action = new SimAction(second, Action(random), random.Next(1000), random.Next(4) == 0);
            if (kinds?.Contains(action.Kind) != false)
                actions.Add(action);
        }
        string replay = $"PLAYOUT_SIM_RUN=1 PLAYOUT_SIM_SEED={seed} PLAYOUT_SIM_DAYS={days}"
            + (kinds is null ? "" : $" PLAYOUT_SIM_ACTIONS={(kinds.Count == 0 ? "none" : string.Join(",", kinds).ToLowerInvariant())}");
        return new SimScenario(seed, days, schedule, actions, replay);
    }

    private static SimActionKind Action(Random random) => random.Next(100) switch
    {
        < 30 => SimActionKind.Take,
        < 40 => SimActionKind.Hold,
        < 55 => SimActionKind.Skip,
        < 70 => SimActionKind.Insert,
        < 82 => SimActionKind.Delete,
        < 94 => SimActionKind.Move,
        _ => SimActionKind.Restart,
    };

    private static DaySchedule Day(Random random, DateOnly date, int index)
    {
        var events = new List<PrimaryEvent>();
        int n = 0;
        string Id() => $"d{index}e{n++}";
        long cursor = 0;
        while (cursor < DaySeconds - 900)
        {
            switch (random.Next(100))
            {
                case < 35:
                    events.Add(Follow(random, Id(), random.Next(20, 1800)));
                    cursor += events[^1].Duration!.Value.Ticks / TimeSpan.TicksPerSecond;
                    break;
                case < 50:
                {
                    // Exactly at the end of what comes before, after a gap, or overlapping it (the event before is cut).
                    long start = Math.Clamp(cursor + random.Next(3) switch { 0 => 0, 1 => random.Next(1, 600), _ => -random.Next(1, 300) }, 1, DaySeconds - 60);
                    int length = random.Next(60, 3600);
                    events.Add(Follow(random, Id(), length) with { Timing = TimingMode.Fixed, Start = At(start) });
                    cursor = start + length;
                    break;
                }
                case < 56:
                    events.Add(Follow(random, Id(), random.Next(30, 600)) with { Timing = TimingMode.Manual });
                    cursor += events[^1].Duration!.Value.Ticks / TimeSpan.TicksPerSecond;
                    break;
                case < 64:
                {
                    // A looping block, and often a fixed event right after it or before its end (a fixed start the loop must not hide).
                    string id = Id();
                    // Some loops run longer than the 6-hour running plan: the fixed start after them is beyond its horizon at first.
                    int length = random.Next(5) == 0 ? random.Next(7200, 32400) : random.Next(300, 7200);
                    var children = Enumerable.Range(0, random.Next(1, 4)).Select(c => Follow(random, $"{id}c{c}", random.Next(5, 60))).ToList();
                    bool fixedBlock = random.Next(2) == 0;
                    events.Add(new PrimaryEvent(id, PrimaryKind.Block, Timing: fixedBlock ? TimingMode.Fixed : TimingMode.Follow,
                        Start: fixedBlock ? At(cursor) : null, Duration: TimeSpan.FromSeconds(length), Loop: true, Children: children));
                    cursor += length;
                    if (random.Next(10) < 7 && cursor < DaySeconds - 120)
                    {
                        long start = random.Next(3) == 0 ? Math.Max(1, cursor - random.Next(60, length)) : cursor + random.Next(0, 30);
                        events.Add(Follow(random, Id(), random.Next(60, 1800)) with { Timing = TimingMode.Fixed, Start = At(start) });
                        cursor = start + events[^1].Duration!.Value.Ticks / TimeSpan.TicksPerSecond;
                    }
                    break;
                }
                case < 68:
                {
                    string id = Id();
                    var children = Enumerable.Range(0, random.Next(2, 5)).Select(c => Follow(random, $"{id}c{c}", random.Next(5, 300))).ToList();
                    events.Add(new PrimaryEvent(id, PrimaryKind.Block, Children: children));
                    cursor += children.Sum(c => c.Duration!.Value.Ticks / TimeSpan.TicksPerSecond);
                    break;
                }
                case < 76:
                {
                    // A live event: open-ended until the fixed start after it, or with a duration.
                    bool open = random.Next(2) == 0;
                    int length = random.Next(60, 3600);
                    events.Add(new PrimaryEvent(Id(), PrimaryKind.Live, $"udp://239.1.1.{random.Next(1, 250)}:5000", Duration: open ? null : TimeSpan.FromSeconds(length)));
                    cursor += length;
                    if (open && cursor < DaySeconds - 120)
                    {
                        events.Add(Follow(random, Id(), random.Next(60, 1800)) with { Timing = TimingMode.Fixed, Start = At(cursor) });
                        cursor += events[^1].Duration!.Value.Ticks / TimeSpan.TicksPerSecond;
                    }
                    break;
                }
                case < 86:
                {
                    // A run of clips of one to three frames.
                    int count = random.Next(2, 6);
                    for (int c = 0; c < count; c++)
                        events.Add(new PrimaryEvent(Id(), PrimaryKind.Clip, $"sim/{index}-{n}.mxf", Duration: TimeSpan.FromMilliseconds(40 * random.Next(1, 4))));
                    cursor += 1;
                    break;
                }
                default:
                {
                    // A source that fails: the filler covers it and the as-run says failed.
                    int length = random.Next(10, 300);
                    events.Add(random.Next(2) == 0
                        ? new PrimaryEvent(Id(), PrimaryKind.Clip, $"{SimSources.Failing}{index}-{n}.mxf", Duration: TimeSpan.FromSeconds(length))
                        : new PrimaryEvent(Id(), PrimaryKind.Still, $"{SimSources.Missing}{index}-{n}.png", Duration: TimeSpan.FromSeconds(length)));
                    cursor += length;
                    break;
                }
            }
        }
        return new DaySchedule(date, events);
    }

    /// <summary>A follow event of <paramref name="seconds"/>: a clip, a still, or a colour filler event.</summary>
    public static PrimaryEvent Follow(Random random, string id, int seconds) => random.Next(3) switch
    {
        0 => new PrimaryEvent(id, PrimaryKind.Clip, $"sim/{id}.mxf", Duration: TimeSpan.FromSeconds(seconds)),
        1 => new PrimaryEvent(id, PrimaryKind.Still, $"sim/{id}.png", Duration: TimeSpan.FromSeconds(seconds)),
        _ => new PrimaryEvent(id, PrimaryKind.Filler, SimColours.Of(id), Duration: TimeSpan.FromSeconds(seconds)),
    };

    /// <summary>A fixed start <paramref name="seconds"/> after the day start (past midnight: the next calendar morning's time, written past 24 h).</summary>
    private static TimeSpan At(long seconds) => ScheduleSettings.Default.DayStart + TimeSpan.FromSeconds(seconds);
}
