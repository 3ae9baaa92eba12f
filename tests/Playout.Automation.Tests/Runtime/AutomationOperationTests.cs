using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Operators and engineers working a running channel: takes, holds, skips, live edits, secondary events, the as-run log.</summary>
public class AutomationOperationTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    // Tick 0 is the 06:00 day start.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null,
        IReadOnlyList<SecondaryEvent>? secondaries = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds), Secondaries: secondaries);

    [Fact]
    public void The_as_run_journal_records_played_truncated_skipped_and_filler_with_planned_and_actual_times()
    {
        using var folder = new TempDirectory();
        using var journal = new AsRunJournal(folder.Path);
        using var channel = new AutomatedChannel(Epoch, journal: journal);
        channel.Load(new DaySchedule(Day,
        [
            Colour("opener", "#404040", 2),
            Colour("feature", "#505050", 10),
            Colour("squeezed", "#606060", 1),
            Colour("news", "#707070", 1, TimingMode.Fixed, new TimeSpan(6, 0, 5)),
            Colour("late", "#808080", 1, TimingMode.Fixed, new TimeSpan(6, 0, 8)),
        ]));
        channel.RunUntil(260);

        var entries = journal.Read(Day);
        // Lines name the status as the exports do; an older line's "Truncated" still reads.
        string file = Path.Combine(folder.Path, "2026-11-24.jsonl");
        Assert.Contains("\"status\":\"truncated\"", File.ReadAllText(file));
        string older = File.ReadAllLines(file)[1].Replace("\"truncated\"", "\"Truncated\"");
        Assert.Equal(AsRunStatus.Truncated, AsRunJournal.ReadFile(folder.Write("older.jsonl", System.Text.Encoding.UTF8.GetBytes(older + "\n")))[0].Status);
        Assert.Equal(
        [
            ("opener", AsRunStatus.Played), ("feature", AsRunStatus.Truncated), ("squeezed", AsRunStatus.Skipped),
            ("news", AsRunStatus.Played), ("filler", AsRunStatus.Filler), ("late", AsRunStatus.Played),
        ], entries.Select(e => (e.EventId, e.Status)).ToArray());
        var feature = entries[1];
        Assert.Equal((50L, 75L, 250L), (feature.ActualTick!.Value, feature.ActualFrames, feature.PlannedFrames));
        Assert.Equal("06:00:02:00", feature.ActualTimecode);
        Assert.Equal("00:00:03:00", feature.ActualDuration);
        Assert.Equal("cut by news", feature.Reason);
        Assert.Contains("news", entries[2].Reason);
        Assert.Equal(Epoch.AddSeconds(5), entries[3].ActualStart);
        Assert.Equal((150L, 50L), (entries[4].ActualTick!.Value, entries[4].ActualFrames));
        // The exports carry the same entries.
        var csv = AsRunCsv.Write(entries).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, csv.Length);
        Assert.StartsWith("channel 1,2026-11-24,feature,#505050,filler,#505050,truncated,cut by news,2026-11-24T06:00:02.000Z,06:00:02:00,250,", csv[2]);
        var xml = AsRunBxf.Write("channel 1", entries, Epoch).Root!;
        Assert.Equal(6, xml.Descendants(AsRunBxf.Ns + "AsRunDetail").Count());
    }

    [Fact]
    public void A_manual_event_holds_on_filler_until_the_operator_takes_it_and_the_events_after_it_follow_the_take()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("studio", "#A0A0A0", 2, TimingMode.Manual), Colour("b", "#606060", 4)]));
        channel.RunUntil(100);
        int black = channel.LumaOf("black"), studio = channel.LumaOf("#A0A0A0");
        Assert.All(channel.Luma.Skip(25).Take(75), luma => Assert.Equal(black, luma));
        Assert.Equal("studio", channel.Automation.Status().Next!.Id);

        Assert.True(channel.Automation.Take().Ok);
        channel.RunUntil(200);
        int taken = channel.Luma.ToList().IndexOf(studio);
        Assert.InRange(taken, 101, 110);
        Assert.All(channel.Luma.Skip(taken).Take(50), luma => Assert.Equal(studio, luma));
        Assert.Equal(channel.LumaOf("#606060"), channel.Luma[taken + 50]);
        Assert.Equal("b", channel.Automation.Status().OnAir!.Id);
    }

    [Fact]
    public void A_manual_event_before_a_later_fixed_start_can_be_taken_and_one_left_untaken_is_logged_skipped_when_the_fixed_one_airs()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day,
        [
            Colour("a", "#404040", 1), Colour("studio", "#A0A0A0", 2, TimingMode.Manual), Colour("news", "#606060", 1, TimingMode.Fixed, new TimeSpan(6, 0, 6)),
            Colour("phone-in", "#707070", 1, TimingMode.Manual), Colour("late", "#808080", 1, TimingMode.Fixed, new TimeSpan(6, 0, 9)),
        ]));
        channel.RunUntil(60);
        Assert.Equal("studio", channel.Automation.Status().Next!.Id);
        Assert.True(channel.Automation.Take().Ok);
        channel.RunUntil(240);
        int studio = channel.Luma.ToList().IndexOf(channel.LumaOf("#A0A0A0"));
        Assert.InRange(studio, 61, 70);
        Assert.Equal(channel.LumaOf("#606060"), channel.Luma[150]);
        Assert.Equal(channel.LumaOf("#808080"), channel.Luma[225]);
        var asRun = channel.Automation.RecentAsRun;
        Assert.Contains(asRun, e => e.EventId == "studio" && e.Status == AsRunStatus.Played);
        Assert.Contains(asRun, e => e.EventId == "phone-in" && e.Status == AsRunStatus.Skipped && e.Reason == "not taken before late started");
    }

    [Fact]
    public void Hold_keeps_the_event_on_air_past_its_end_until_a_take_and_skip_drops_the_next_event()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("b", "#505050", 1), Colour("c", "#606060", 1), Colour("d", "#707070", 1)]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(80);
        Assert.All(channel.Luma.Skip(5).Take(75), luma => Assert.Equal(channel.LumaOf("#404040"), luma));
        Assert.True(channel.Automation.Status().Held);

        Assert.True(channel.Automation.Skip().Ok);   // b is dropped
        Assert.True(channel.Automation.Take().Ok);   // c now
        channel.RunUntil(140);
        int c = channel.Luma.ToList().IndexOf(channel.LumaOf("#606060"));
        Assert.InRange(c, 81, 90);
        Assert.DoesNotContain(channel.LumaOf("#505050"), channel.Luma);
        Assert.Equal(channel.LumaOf("#707070"), channel.Luma[c + 25]);
        var asRun = channel.Automation.RecentAsRun;
        Assert.Contains(asRun, e => e.EventId == "b" && e.Status == AsRunStatus.Skipped && e.Reason == "skipped by an operator");
        Assert.Contains(asRun, e => e.EventId == "a" && e.Status == AsRunStatus.Played && e.ActualFrames >= 80);
    }

    [Fact]
    public void An_edit_that_changes_the_event_on_air_is_refused_unless_forced_and_edits_ahead_apply_at_once()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 4), Colour("b", "#505050", 2)]));
        channel.RunUntil(10);

        var refused = channel.Automation.Apply(s => ScheduleEdits.Replace(s, Day, "a", Colour("a", "#FFFFFF", 4)));
        Assert.False(refused.Ok);
        Assert.Contains("event a", refused.Reason);
        Assert.Contains("on air since 06:00:00:0", refused.Reason);
        Assert.Contains("force", refused.Reason);
        Assert.False(channel.Automation.Apply(s => ScheduleEdits.Delete(s, Day, "a")).Ok);

        // Ahead of air: insert after a, replace b. Both show on their frames.
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Insert(s, Day, Colour("inserted", "#909090", 1), "a")).Ok);
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Replace(s, Day, "b", Colour("b", "#B0B0B0", 2))).Ok);
        channel.RunUntil(160);
        Assert.Equal(channel.LumaOf("#909090"), channel.Luma[100]);
        Assert.Equal(channel.LumaOf("#B0B0B0"), channel.Luma[125]);
        Assert.DoesNotContain(channel.LumaOf("#505050"), channel.Luma);

        // Forced: the event on air ends where the edit says.
        Assert.True(channel.Automation.Apply(s => s.With(new DaySchedule(Day.AddDays(0), [Colour("a", "#404040", 4), Colour("inserted", "#909090", 1),
            Colour("b", "#B0B0B0", 3)])), force: true).Ok);
        channel.RunUntil(220);
        Assert.Equal(channel.LumaOf("#B0B0B0"), channel.Luma[199]);
    }

    [Fact]
    public void Secondary_events_apply_on_their_frames_and_an_unknown_device_is_a_validation_error()
    {
        var devices = new FakeDevices("gpi-1")
        {
            Refuse = (_, command, arguments) => command == "power" ? [$"level: {arguments["level"]} is out of range (0 to 110 %)"] : [],
        };
        using var channel = new AutomatedChannel(Epoch, devices: devices);
        var bad = channel.Automation.Apply(s => s.With(new DaySchedule(Day,
            [Colour("a", "#404040", 2, secondaries: [new SecondaryEvent(SecondaryKind.Device, Device: "router-9", Command: "take")])])));
        Assert.False(bad.Ok);
        Assert.Contains("event a, secondary 1 (Device): device: no device named router-9 is configured", bad.Reason);
        // A command the device would refuse (its specs) is refused at load, saying which argument and why.
        var refused = channel.Automation.Apply(s => s.With(new DaySchedule(Day, [Colour("a", "#404040", 2, secondaries:
            [new SecondaryEvent(SecondaryKind.Device, Device: "gpi-1", Command: "power", Arguments: new Dictionary<string, string> { ["level"] = "500" })])])));
        Assert.Contains("event a, secondary 1 (Device): command power of device gpi-1: level: 500 is out of range (0 to 110 %)", refused.Reason);

        channel.Load(new DaySchedule(Day,
        [
            Colour("a", "#404040", 2, secondaries:
            [
                new SecondaryEvent(SecondaryKind.AudioLevel, Offset: TimeSpan.FromSeconds(1), LevelDb: -6),
                new SecondaryEvent(SecondaryKind.Device, EventAnchor.End, TimeSpan.FromSeconds(-0.4), Device: "gpi-1", Command: "pulse",
                    Arguments: new Dictionary<string, string> { ["pin"] = "3" }),
            ]),
            Colour("b", "#505050", 2),
        ]));
        int layer = channel.Settings.ProgrammeLayer;
        channel.RunUntil(25);
        Assert.Equal(1.0, Volume(channel, layer), 3);
        channel.RunUntil(26);
        Assert.Equal(0.501, Volume(channel, layer), 3);
        // 0.4 s before a's end: tick 40.
        channel.RunUntil(40);
        Assert.Empty(devices.Received);
        channel.RunUntil(41);
        Assert.True(SpinWait.SpinUntil(() => !devices.Received.IsEmpty, TimeSpan.FromSeconds(5)));
        var sent = Assert.Single(devices.Received);
        Assert.Equal(("gpi-1", "pulse", "3"), (sent.Device, sent.Command, sent.Arguments["pin"]));
    }

    [Fact]
    public void A_secondary_on_the_end_of_a_held_event_waits_for_the_take_and_fires_once_on_the_real_end()
    {
        var devices = new FakeDevices("gpi-1");
        using var channel = new AutomatedChannel(Epoch, devices: devices);
        channel.Load(new DaySchedule(Day,
        [
            Colour("a", "#404040", 2, secondaries: [new SecondaryEvent(SecondaryKind.Device, EventAnchor.End, Device: "gpi-1", Command: "end-of-a")]),
            Colour("b", "#505050", 2),
        ]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Hold().Ok);
        channel.RunUntil(80);
        Assert.False(SpinWait.SpinUntil(() => !devices.Received.IsEmpty, TimeSpan.FromMilliseconds(300)), "fired at the planned end of a held event");
        Assert.True(channel.Automation.Take().Ok);
        channel.RunUntil(120);
        Assert.True(SpinWait.SpinUntil(() => !devices.Received.IsEmpty, TimeSpan.FromSeconds(5)));
        Assert.Equal("end-of-a", Assert.Single(devices.Received).Command);
        var b = channel.Luma.ToList().IndexOf(channel.LumaOf("#505050"));
        Assert.InRange(b, 81, 90);
    }

    private static double Volume(AutomatedChannel channel, int layer) =>
        channel.Channel.Status().Layers.Single(l => l.Number == layer).Volume;

    [Fact]
    public void Starting_a_break_puts_the_next_event_with_an_out_cue_on_air_now_and_is_refused_when_none_is_planned()
    {
        var breakOut = new SecondaryEvent(SecondaryKind.Scte35, Scte35: new Scte35Cue(9, OutOfNetwork: true));
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 10), Colour("b", "#606060", 4), Colour("ads", "#A0A0A0", 2, secondaries: [breakOut]), Colour("c", "#707070", 4)]));
        channel.RunUntil(50);
        Assert.Equal("a", channel.Automation.Status().OnAir!.Id);

        Assert.True(channel.Automation.StartBreak("gpi studio input 3").Ok);
        channel.RunUntil(60);
        Assert.Equal("ads", channel.Automation.Status().OnAir!.Id);
        Assert.Equal(channel.LumaOf("#A0A0A0"), channel.Luma[^1]);
        Assert.Equal("c", channel.Automation.Status().Next!.Id);

        // Once the only break has aired, there is none ahead to start.
        channel.RunUntil(120);
        var refused = channel.Automation.StartBreak("gpi studio input 3");
        Assert.Equal((false, "no break is planned ahead"), (refused.Ok, refused.Reason));
    }
}
