using Playout.Automation.Schedules;
using Playout.Automation.Scripting;

namespace Playout.Automation.Tests.Scripting;

/// <summary>The builders without Roslyn: the break rules at event boundaries and fixed starts, and which days are written back.</summary>
public class DayBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Breaks_go_between_events_on_a_mark_skip_a_gap_before_a_fixed_start_and_split_the_fixed_event()
    {
        var template = new DaySchedule(Today, [new PrimaryEvent("t", PrimaryKind.Filler, "bars", Duration: TimeSpan.FromHours(1))]);
        var start = ChannelSchedule.Empty.With(template);
        var globals = new ScriptGlobals(new ScriptContext(start, Today, TimeSpan.FromHours(6)), CancellationToken.None);

        globals.Day(Today);
        var day = globals.Day(Today.AddDays(1))
            .Clip("a", "a.mxf", "00:15:00")
            .Clip("b", "b.mxf", "00:10:00")
            .Fixed("07:10", globals.Clip("c", "c.mxf", "00:10:00"))
            .InsertEvery("00:15:00", n => globals.Filler($"brk{n}", "bars", "00:02:00"));

        // a ends on the 06:15 mark; b runs 06:17-06:27; the marks 06:30 to 07:00 fall in the gap before c; 07:15 splits c.
        Assert.Equal(["a", "brk1", "b", "c", "brk2", "c-2"], day.Events.Select(e => e.Id));
        var (c, c2) = (day.Events[3], day.Events[5]);
        Assert.Equal((TimingMode.Fixed, new TimeSpan(7, 10, 0), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), (c.Timing, c.Start!.Value, c.Duration!.Value, c.Out!.Value));
        Assert.Equal((TimingMode.Follow, (TimeSpan?)null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), (c2.Timing, c2.Start, c2.Duration!.Value, c2.In!.Value));
        Assert.Equal(new TimeSpan(7, 22, 0), day.End);
        // Today was only looked at: it is not written back.
        var result = globals.Result();
        Assert.Same(template, result[Today]);
        Assert.Equal(day.Events, result[Today.AddDays(1)]!.Events);
    }
}
