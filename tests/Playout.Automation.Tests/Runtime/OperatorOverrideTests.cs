using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The operator panel's actions on a channel: emergency cut and clear, graphics off and on, jump to an event, manual insert
/// and the take debounce — each frame-checked on the programme and noted with who and when in the as-run log.
/// </summary>
public class OperatorOverrideTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null,
        IReadOnlyList<SecondaryEvent>? secondaries = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds), Secondaries: secondaries);

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    public void An_emergency_cuts_to_the_filler_on_the_next_tick_and_clearing_it_shows_the_event_whose_time_it_is(string format)
    {
        using var channel = new AutomatedChannel(Epoch, format);
        long second = channel.Time.Frames(TimeSpan.FromSeconds(1));
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#808080", 4)]));
        channel.RunUntil(20);

        Assert.True(channel.Automation.Emergency("filler", null, 0, SyntheticProducers.Color(channel.Context, "#C0C0C0"), "desk").Ok);
        var status = channel.Automation.Status();
        Assert.Equal(("filler", null, "desk", channel.Time.OfDay(20)), (status.Emergency!.To, status.Emergency.Input, status.Emergency.Who, status.Emergency.Since));
        // b goes to air underneath at 2 s, unseen: the emergency holds the programme.
        channel.RunUntil(3 * second);
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[19]);
        Assert.All(channel.Luma.Skip(20).Take((int)(3 * second) - 20), luma => Assert.Equal(channel.LumaOf("#C0C0C0"), luma));
        Assert.Equal("b", channel.Automation.Status().OnAir!.Id);

        Assert.True(channel.Automation.ClearEmergency("desk").Ok);
        Assert.Null(channel.Automation.Status().Emergency);
        Assert.Equal("no emergency is in force", channel.Automation.ClearEmergency().Reason);
        channel.RunUntil(3 * second + 5);
        // b, in progress, from the next tick.
        Assert.Equal((channel.LumaOf("#C0C0C0"), channel.LumaOf("#808080")), (channel.Luma[(int)(3 * second) - 1], channel.Luma[(int)(3 * second)]));
        var notes = channel.Automation.RecentAsRun.Where(e => e.Status == AsRunStatus.Operator).ToList();
        Assert.Equal([$"emergency: cut to filler by desk at {channel.Time.OfDay(20)}", $"emergency cleared by desk at {channel.Time.OfDay(3 * second)}"],
            notes.Select(n => n.Reason));
        Assert.Contains("emergency: cut to filler by desk", channel.Automation.RecentAsRun.Single(e => e.EventId == "a" && e.Status.IsItem()).Actions);
    }

    [Fact]
    public void An_emergency_to_a_live_input_shows_its_layer_alone_and_a_second_emergency_replaces_the_first()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 10)]));
        channel.Channel.Execute(StageCommands.Load(5, SyntheticProducers.Color(channel.Context, "#A0A0A0")));
        channel.RunUntil(20);
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[19]);

        Assert.True(channel.Automation.Emergency("input", "studio", 5, null, "desk").Ok);
        channel.RunUntil(30);
        Assert.Equal((channel.LumaOf("#404040"), channel.LumaOf("#A0A0A0")), (channel.Luma[19], channel.Luma[20]));
        Assert.Equal(("input", "studio"), (channel.Automation.Status().Emergency!.To, channel.Automation.Status().Emergency!.Input));

        Assert.True(channel.Automation.Emergency("slate", null, 0, SyntheticProducers.Color(channel.Context, "#E0E0E0"), "desk").Ok);
        channel.RunUntil(40);
        Assert.Equal(channel.LumaOf("#E0E0E0"), channel.Luma[35]);
        Assert.True(channel.Automation.ClearEmergency().Ok);
        channel.RunUntil(50);
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[45]);
    }

    [Fact]
    public void Graphics_off_hides_the_logo_until_graphics_on_and_a_second_off_is_refused()
    {
        using var folder = new TempDirectory();
        string picture = folder.File("logo.png");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white:s=720x576", "-frames:v", "1", picture);
        using var channel = new AutomatedChannel(Epoch);
        var logo = new SecondaryEvent(SecondaryKind.LogoOn, Offset: TimeSpan.FromSeconds(1), Source: picture);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 10, secondaries: [logo])]));
        channel.RunUntil(60);
        int white = channel.LumaOf("#FFFFFF"), grey = channel.LumaOf("#404040");
        Assert.Equal((grey, white), (channel.Luma[24], channel.Luma[25]));

        // From the next tick (60) on, hidden; a logo loaded meanwhile would stay hidden too.
        Assert.True(channel.Automation.Graphics(false, [], "desk").Ok);
        Assert.False(channel.Automation.Status().GraphicsOn);
        Assert.Equal("graphics are already off", channel.Automation.Graphics(false, []).Reason);
        channel.RunUntil(70);
        Assert.Equal((white, grey), (channel.Luma[59], channel.Luma[60]));
        Assert.True(channel.Automation.Graphics(true, [], "desk").Ok);
        channel.RunUntil(80);
        Assert.Equal((grey, white), (channel.Luma[69], channel.Luma[70]));
    }

    [Fact]
    public void Next_jumps_over_the_events_before_the_one_named_and_refuses_an_unknown_one_the_next_one_and_a_jump_over_a_fixed_start()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2), Colour("c", "#606060", 2), Colour("d", "#707070", 2),
            Colour("news", "#A0A0A0", 2, TimingMode.Fixed, new TimeSpan(6, 0, 20)), Colour("e", "#B0B0B0", 2)]));
        channel.RunUntil(10);

        Assert.Equal("there is no event zzz ahead in the running order", channel.Automation.Next("zzz").Reason);
        Assert.Equal("b is already next", channel.Automation.Next("b").Reason);
        Assert.Equal("news has a fixed start before e: skip it first", channel.Automation.Next("e").Reason);
        Assert.True(channel.Automation.Next("d", "desk").Ok);
        channel.RunUntil(60);

        Assert.Equal(("d", "running"), (channel.Automation.Status().OnAir!.Id, channel.Automation.Status().Mode));
        Assert.Equal(channel.LumaOf("#707070"), channel.Luma[50]);
        var skipped = channel.Automation.RecentAsRun.Where(e => e.Status == AsRunStatus.Skipped).ToList();
        Assert.Equal(["b", "c"], skipped.Select(e => e.EventId));
        Assert.All(skipped, e => Assert.Equal("jumped over: d was made next", e.Reason));
        Assert.Equal("jumped over by desk at 06:00:00:10", skipped[0].Actions);
    }

    [Fact]
    public void An_insert_next_follows_the_event_on_air_an_insert_now_cuts_to_air_and_with_filler_on_air_next_means_now()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2), Colour("studio", "#A0A0A0", 2, TimingMode.Manual)]));
        channel.RunUntil(10);

        Assert.True(channel.Automation.Insert(Colour("ins1", "#C0C0C0", 1), now: false, "desk").Ok);
        channel.RunUntil(80);
        // a (ticks 0-50), then the insert for its second, then b.
        Assert.Equal([channel.LumaOf("#404040"), channel.LumaOf("#C0C0C0"), channel.LumaOf("#C0C0C0"), channel.LumaOf("#505050")],
            [channel.Luma[49], channel.Luma[50], channel.Luma[74], channel.Luma[75]]);

        Assert.True(channel.Automation.Insert(Colour("ins2", "#E0E0E0", 1), now: true, "desk").Ok);
        channel.RunUntil(90);
        // Taken like a take: 120 ms (3 frames) after the request.
        Assert.Equal((channel.LumaOf("#505050"), channel.LumaOf("#E0E0E0")), (channel.Luma[82], channel.Luma[83]));
        Assert.Equal("cut by ins2", channel.Automation.RecentAsRun.Single(e => e.EventId == "b" && e.Status.IsItem()).Reason);

        // After ins2 the filler waits for the studio's take: an insert then goes at once.
        channel.RunUntil(120);
        Assert.Equal(("filler", "waiting"), (channel.Automation.Status().OnAir!.Kind, channel.Automation.Status().Mode));
        Assert.True(channel.Automation.Insert(Colour("ins3", "#303030", 1), now: false, "desk").Ok);
        channel.RunUntil(130);
        Assert.Equal("ins3", channel.Automation.Status().OnAir!.Id);
        Assert.Equal(["insert #C0C0C0 as ins1 (next) by desk at 06:00:00:10", "insert #E0E0E0 as ins2 (now) by desk at 06:00:03:05",
            "insert #303030 as ins3 (now) by desk at 06:00:04:20"],
            channel.Automation.RecentAsRun.Where(e => e.Status == AsRunStatus.Operator).Select(e => e.Reason));
    }

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p59.94")]
    public void An_insert_now_inside_a_loop_filling_the_day_breaks_in_for_its_length_and_the_loop_shows_again_in_progress(string format)
    {
        using var channel = new AutomatedChannel(Epoch, format);
        long second = channel.Time.Frames(TimeSpan.FromSeconds(1)), margin = Math.Max(2, channel.Time.Frames(TimeSpan.FromMilliseconds(120)));
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Children: [Colour("grey", "#404040", 2), Colour("blue", "#203080", 2)],
            Duration: TimeSpan.FromHours(24), Loop: true);
        channel.Load(new DaySchedule(Day, [block]));
        channel.RunUntil(10);
        long version = channel.Automation.Status().ScheduleVersion;

        var inserted = channel.Automation.Insert(Colour("ins", "#C0C0C0", 1), now: true, "desk");
        Assert.True(inserted.Ok, inserted.Reason);
        long start = 10 + margin, end = start + second;
        channel.RunUntil(start - 1);
        var cued = channel.Automation.Status().Insert!;
        Assert.Equal(("ins", "loop", "desk", channel.Time.Duration(1), (string?)null), (cued.Event.Id, cued.Block, cued.Who, cued.Event.Countdown, cued.Event.Elapsed));
        channel.RunUntil(start + 5);
        var onAir = channel.Automation.Status();
        Assert.Equal((channel.Time.Duration(5), channel.Time.Duration(second - 5)), (onAir.Insert!.Event.Elapsed, onAir.Insert.Event.Remaining));
        // The loop runs on underneath: its event whose time it is stays the one on air in the plan.
        Assert.Equal("grey", onAir.OnAir!.Id);
        channel.RunUntil(3 * second);

        // The loop up to the cut, the insert for exactly its second, then the loop in progress: grey until 2 s, then blue.
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[(int)start - 1]);
        Assert.All(channel.Luma.Skip((int)start).Take((int)second), luma => Assert.Equal(channel.LumaOf("#C0C0C0"), luma));
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[(int)end]);
        Assert.Equal(channel.LumaOf("#203080"), channel.Luma[(int)(2 * second)]);
        Assert.Null(channel.Automation.Status().Insert);
        // Not a schedule edit: the schedule is as it was, and the as-run log has the insert at its tick with its length.
        Assert.Equal(version, channel.Automation.Status().ScheduleVersion);
        Assert.DoesNotContain(channel.Automation.Schedule.DayOrTemplate(Day)!.Events, x => x.Id == "ins");
        var note = channel.Automation.RecentAsRun.Single(e => e.Status == AsRunStatus.Operator);
        Assert.Equal(($"insert #C0C0C0 as ins over block loop from {channel.Time.OfDay(start)} for {channel.Time.Duration(second)} by desk at {channel.Time.OfDay(10)}",
            start, second), (note.Reason, note.ActualTick, note.ActualFrames));
        Assert.Contains("insert #C0C0C0 as ins over block loop", channel.Automation.RecentAsRun.First(e => e.EventId == "grey" && e.Status.IsItem()).Actions);
    }

    [Fact]
    public void An_insert_next_inside_a_block_breaks_in_as_the_blocks_event_on_air_ends()
    {
        using var channel = new AutomatedChannel(Epoch);
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Children: [Colour("c1", "#404040", 2), Colour("c2", "#505050", 2)],
            Duration: TimeSpan.FromHours(1), Loop: true);
        channel.Load(new DaySchedule(Day, [block]));
        channel.RunUntil(10);

        Assert.True(channel.Automation.Insert(Colour("ins", "#C0C0C0", 1), now: false, "desk").Ok);
        Assert.Equal(channel.Time.Duration(40), channel.Automation.Status().Insert!.Event.Countdown);
        channel.RunUntil(110);
        // c1 to its end (tick 50), the insert for 25 frames over c2, c2 in progress from 75, c1 again at 100.
        Assert.Equal([channel.LumaOf("#404040"), channel.LumaOf("#C0C0C0"), channel.LumaOf("#C0C0C0"), channel.LumaOf("#505050"), channel.LumaOf("#404040")],
            [channel.Luma[49], channel.Luma[50], channel.Luma[74], channel.Luma[75], channel.Luma[100]]);
    }

    [Fact]
    public void An_insert_now_after_an_event_filling_the_rest_of_its_day_is_taken_back_and_refused()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("day", "#404040", 24 * 3600)]));
        channel.RunUntil(10);
        long version = channel.Automation.Status().ScheduleVersion;

        var refused = channel.Automation.Insert(Colour("ins", "#C0C0C0", 1), now: true, "desk");
        Assert.False(refused.Ok);
        Assert.EndsWith("the event on air fills the rest of its day, leaving no time after it to take the insert from, so it was taken back", refused.Reason);
        Assert.DoesNotContain(channel.Automation.Schedule.DayOrTemplate(Day)!.Events, x => x.Id == "ins");
        Assert.True(channel.Automation.Status().ScheduleVersion >= version);
        Assert.DoesNotContain(channel.Automation.RecentAsRun, e => e.Status == AsRunStatus.Operator);
        channel.RunUntil(20);
        Assert.Equal(channel.LumaOf("#404040"), channel.Luma[19]);
    }

    [Fact]
    public void A_fixed_start_within_a_break_in_ends_it_on_its_frame()
    {
        using var channel = new AutomatedChannel(Epoch);
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Children: [Colour("c1", "#404040", 2)], Duration: TimeSpan.FromHours(1), Loop: true);
        channel.Load(new DaySchedule(Day, [block, Colour("news", "#A0A0A0", 10, TimingMode.Fixed, new TimeSpan(6, 0, 2))]));
        channel.RunUntil(10);

        Assert.True(channel.Automation.Insert(Colour("ins", "#C0C0C0", 5), now: true, "desk").Ok);
        Assert.Equal((13L, 50L), (channel.Automation.Status().Insert!.From, channel.Automation.Status().Insert!.Until));
        channel.RunUntil(60);
        Assert.Equal((channel.LumaOf("#C0C0C0"), channel.LumaOf("#A0A0A0")), (channel.Luma[49], channel.Luma[50]));
        Assert.EndsWith($"for {channel.Time.Duration(37)} (cut by fixed event news) by desk at 06:00:00:10",
            channel.Automation.RecentAsRun.Single(e => e.Status == AsRunStatus.Operator).Reason);
    }

    [Fact]
    public void A_take_ends_a_break_in_at_its_cut_and_an_emergency_covers_one_which_shows_again_when_it_is_cleared()
    {
        using var channel = new AutomatedChannel(Epoch);
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Children: [Colour("c1", "#404040", 4), Colour("c2", "#505050", 4)],
            Duration: TimeSpan.FromHours(1), Loop: true);
        channel.Load(new DaySchedule(Day, [block]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Insert(Colour("ins", "#C0C0C0", 4), now: true, "desk").Ok);
        channel.RunUntil(20);

        // A second insert, and an emergency's, wait for this one.
        Assert.Equal("insert ins is in force until 06:00:04:13: take to end it first",
            channel.Automation.Insert(Colour("ins2", "#E0E0E0", 1), now: true, "desk").Reason);
        Assert.True(channel.Automation.Emergency("filler", null, 0, SyntheticProducers.Color(channel.Context, "#303030"), "desk").Ok);
        channel.RunUntil(30);
        Assert.True(channel.Automation.ClearEmergency("desk").Ok);
        channel.RunUntil(40);
        // The insert under the emergency, shown again when it is cleared (it is still on for its 4 s).
        Assert.Equal([channel.LumaOf("#C0C0C0"), channel.LumaOf("#303030"), channel.LumaOf("#303030"), channel.LumaOf("#C0C0C0")],
            [channel.Luma[19], channel.Luma[20], channel.Luma[29], channel.Luma[30]]);

        // A take cuts to c2 at once and ends the insert with the same cut.
        channel.Automation.TakeDebounce = TimeSpan.Zero;
        Assert.True(channel.Automation.Take("desk").Ok);
        channel.RunUntil(50);
        Assert.Equal((channel.LumaOf("#C0C0C0"), channel.LumaOf("#505050")), (channel.Luma[42], channel.Luma[43]));
        Assert.Null(channel.Automation.Status().Insert);
        Assert.True(channel.Automation.Insert(Colour("ins2", "#E0E0E0", 1), now: true, "desk").Ok);
    }

    [Fact]
    public void A_break_in_is_refused_under_an_emergency_and_for_a_live_insert_without_a_duration_and_nothing_is_left_loaded()
    {
        using var channel = new AutomatedChannel(Epoch);
        var block = new PrimaryEvent("loop", PrimaryKind.Block, Children: [Colour("c1", "#404040", 2)], Duration: TimeSpan.FromHours(1), Loop: true);
        channel.Load(new DaySchedule(Day, [block]));
        channel.RunUntil(10);

        var live = new PrimaryEvent("live", PrimaryKind.Live, "udp://127.0.0.1:9");
        Assert.Equal("an insert while block loop is on air needs a duration (it covers the block for that long)",
            channel.Automation.Insert(live, now: true, "desk").Reason);
        Assert.True(channel.Automation.Hold("desk").Ok);
        Assert.Equal("the event on air has no planned end (it is held): insert it now instead",
            channel.Automation.Insert(Colour("ins", "#C0C0C0", 1), now: false, "desk").Reason);
        Assert.True(channel.Automation.Emergency("filler", null, 0, SyntheticProducers.Color(channel.Context, "#303030"), "desk").Ok);
        Assert.Equal("an emergency is in force: clear it before inserting", channel.Automation.Insert(Colour("ins", "#C0C0C0", 1), now: true, "desk").Reason);
        channel.RunUntil(20);
        Assert.DoesNotContain(channel.Channel.Status().Layers, l => l.Number == 999);
        Assert.Null(channel.Automation.Status().Insert);
    }

    [Fact]
    public void A_second_take_within_the_debounce_is_refused_with_the_time_since_the_last_one()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 2), Colour("b", "#505050", 2), Colour("c", "#606060", 2), Colour("d", "#707070", 2)]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Take("desk").Ok);
        channel.RunUntil(15);

        Assert.Equal("take ignored: the last cut was 200 ms ago", channel.Automation.Take("desk").Reason);
        channel.RunUntil(23);
        Assert.True(channel.Automation.Take("desk").Ok);
        channel.Automation.TakeDebounce = TimeSpan.Zero;
        Assert.True(channel.Automation.Take("desk").Ok);
    }
}
