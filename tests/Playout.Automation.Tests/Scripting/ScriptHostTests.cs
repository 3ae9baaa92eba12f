using Playout.Automation.Schedules;
using Playout.Automation.Scripting;
using Playout.Automation.Tests.Runtime;

namespace Playout.Automation.Tests.Scripting;

[Collection(ScriptWorkers.Collection)]
public class ScriptHostTests
{
    // Shared: Roslyn's first compile takes seconds, and a host compiles each script text once.
    private static readonly ScriptHost Host = new();

    // Midday on the 24th: the channel's broadcast day is the 24th, so the script's Tomorrow is the 25th.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DaySchedule TodaysDay = new(Today, [new PrimaryEvent("today", PrimaryKind.Filler, "bars", Duration: TimeSpan.FromHours(1))]);

    private static ScriptContext Offline() => new(ChannelSchedule.Empty.With(TodaysDay), Today, TimeSpan.FromHours(6));

    private static EditResult MustNotApply(Func<ChannelSchedule, ChannelSchedule> edit) => throw new Xunit.Sdk.XunitException("a failed script's schedule was applied");

    [Fact]
    public async Task The_sample_makes_tomorrow_from_its_template_with_a_break_every_quarter_hour_filled_to_the_hour()
    {
        using var channel = new AutomatedChannel(Epoch);
        Assert.True(channel.Automation.Apply(s => s.With(TodaysDay)).Ok);

        var (run, applied) = await Host.RunAndApplyAsync(SampleScripts.Read("tomorrow-from-template.csx"), channel.Automation);

        Assert.True(run.Ok, string.Join("\n", run.Errors));
        Assert.True(applied.Ok, applied.Reason);
        var schedule = channel.Automation.Schedule;
        Assert.Same(run.Schedule, schedule);
        Assert.Same(TodaysDay, schedule[Today]);
        var day = schedule[Today.AddDays(1)]!;
        var clock = TimeSpan.FromHours(6);
        var timeline = new List<(string Id, string Start, string Length, TimeSpan? In, TimeSpan? Out)>();
        foreach (var e in day.Events)
        {
            Assert.Equal(TimingMode.Follow, e.Timing);
            timeline.Add((e.Id, $"{clock:hh\\:mm}", $"{e.Duration:mm}", e.In, e.Out));
            clock += e.Duration!.Value;
        }
        TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);
        Assert.Equal(
        [
            ("news", "06:00", "15", null, M(15)), ("break-1", "06:15", "02", null, null), ("news-2", "06:17", "05", M(15), null),
            ("doc", "06:22", "08", null, M(8)), ("break-2", "06:30", "02", null, null), ("doc-2", "06:32", "13", M(8), M(21)),
            ("break-3", "06:45", "02", null, null), ("doc-3", "06:47", "09", M(21), null), ("fill-07:00:00", "06:56", "04", null, null),
        ], timeline);
        Assert.Equal(TimeSpan.FromHours(7), clock);
        Assert.Equal(("black", PrimaryKind.Filler), (day.Events[^1].Source, day.Events[^1].Kind));
        Assert.Equal("2026-11-25: 9 events from 06:00 to 07:00", run.Log[0]);
        Assert.Equal(10, run.Log.Count);
    }

    [Fact]
    public async Task A_compile_error_names_its_line_and_column_and_nothing_is_applied()
    {
        var (run, applied) = await Host.RunAndApplyAsync("var day = Day(Tomorrow);\nday.Clip(\"a\", \"a.mxf\").Nope();\n", Offline(), MustNotApply);

        Assert.False(run.Ok);
        Assert.False(applied.Ok);
        var error = Assert.Single(run.Errors);
        Assert.Equal((2, 24), (error.Line, error.Column));
        Assert.StartsWith("2:24: CS1061: 'DayBuilder' does not contain a definition for 'Nope'", error.ToString());
    }

    [Fact]
    public async Task A_runtime_exception_names_the_script_line_and_the_lines_logged_before_it_come_back()
    {
        const string code = """
            Log("making tomorrow");
            var day = Day(Tomorrow).Clip("a", "a.mxf");
            Log($"{day.Events.Count} event");
            day.FillTo("07:00", "black");
            Log("not reached");
            """;
        var run = await Host.RunAsync(code, Offline());

        Assert.False(run.Ok);
        Assert.Null(run.Schedule);
        var error = Assert.Single(run.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("line 4: ScheduleEditException: event a: its length is not known; give it a duration (this run has no media library to ask)", error.ToString());
        Assert.Equal(["making tomorrow", "1 event"], run.Log);
    }

    [Fact]
    public async Task A_script_past_its_time_limit_is_killed_and_its_schedule_never_applied()
    {
        using var channel = new AutomatedChannel(Epoch);
        Assert.True(channel.Automation.Apply(s => s.With(TodaysDay)).Ok);
        var before = channel.Automation.Schedule;
        // A loop that ignores its cancellation, ending by itself after the limit: a worker left running would finish it.
        const string code = """
            Day(Tomorrow).Clip("late", "late.mxf", "00:10:00");
            Log("spinning");
            var until = DateTime.UtcNow.AddSeconds(3);
            while (DateTime.UtcNow < until) { }
            Log("done spinning");
            """;
        var (run, applied) = await new ScriptHost(TimeSpan.FromSeconds(1)).RunAndApplyAsync(code, channel.Automation);

        Assert.Equal("script exceeded its 1 s limit and was stopped", Assert.Single(run.Errors).Message);
        Assert.False(applied.Ok);
        Assert.Equal(["spinning"], run.Log);
        Assert.Empty(ScriptWorkers.Running());
        Assert.Same(before, channel.Automation.Schedule);
    }

    [Fact]
    public async Task A_script_that_checks_its_cancellation_stops_at_the_limit_with_the_same_error()
    {
        const string code = """
            Log("waiting");
            while (true)
                Cancellation.ThrowIfCancellationRequested();
            """;
        var run = await new ScriptHost(TimeSpan.FromSeconds(1)).RunAsync(code, Offline());

        Assert.Equal("script exceeded its 1 s limit and was stopped", Assert.Single(run.Errors).Message);
        Assert.Equal(["waiting"], run.Log);
    }

    [Fact]
    public async Task Media_lengths_the_script_asks_for_come_from_the_hosts_library()
    {
        var asked = new List<string>();
        var context = Offline() with { MediaLength = path => { asked.Add(path); return path == "a.mxf" ? TimeSpan.FromMinutes(5) : null; } };
        const string code = """
            Day(Tomorrow).Clip("a", "a.mxf").FillTo("06:10", "black");
            Log($"{MediaLength("a.mxf")} {MediaLength("b.mxf")?.ToString() ?? "unknown"}");
            """;
        var run = await Host.RunAsync(code, context);

        Assert.True(run.Ok, string.Join("\n", run.Errors));
        Assert.Equal(["00:05:00 unknown"], run.Log);
        var day = run.Schedule![Today.AddDays(1)]!;
        Assert.Equal([("a", null), ("fill-06:10:00", TimeSpan.FromMinutes(5))], day.Events.Select(e => (e.Id, e.Duration)));
        Assert.Contains("b.mxf", asked);
        // What the script left alone is the host's own object, as when it ran in the host.
        Assert.Same(TodaysDay, run.Schedule[Today]);
    }

    [Fact]
    public async Task A_result_is_refused_when_the_schedule_changed_while_the_script_ran()
    {
        using var channel = new AutomatedChannel(Epoch);
        var run = await Host.RunAsync("""Day(Tomorrow).Clip("x", "x.mxf", "00:01:00");""", ScriptContext.Of(channel.Automation));
        Assert.True(run.Ok, string.Join("\n", run.Errors));
        Assert.True(channel.Automation.Apply(s => s.With(TodaysDay)).Ok);
        var meanwhile = channel.Automation.Schedule;

        var applied = channel.Automation.Apply(run.AsEdit());

        Assert.False(applied.Ok);
        Assert.Contains("the schedule changed while the script ran", applied.Reason);
        Assert.Same(meanwhile, channel.Automation.Schedule);
    }
}
