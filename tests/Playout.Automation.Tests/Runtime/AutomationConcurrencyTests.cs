using System.Diagnostics;
using Playout.Automation.Schedules;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// Readers and writers of a running automation: status comes from the snapshot the pump publishes, never from under the
/// automation's lock; producers and graphics are opened outside it, and closed when their cue is withdrawn.
/// </summary>
public class AutomationConcurrencyTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Longer than any reader may take; what a reader waiting for the lock would take.</summary>
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(5);

    private static PrimaryEvent Colour(string id, string colour, double seconds, IReadOnlyList<SecondaryEvent>? secondaries = null) =>
        new(id, PrimaryKind.Filler, colour, Duration: TimeSpan.FromSeconds(seconds), Secondaries: secondaries);

    [Fact]
    public async Task Status_plan_and_schedule_read_while_an_edit_holds_the_lock_return_at_once_and_show_the_edit_once_the_pump_has_published()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 4), Colour("b", "#505050", 2)]));
        channel.RunUntil(10);
        long before = channel.Automation.Status().ScheduleVersion;
        Assert.Equal("b", channel.Automation.Status().Next!.Id);

        using var editing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var edit = Task.Run(() => channel.Automation.Apply(s =>
        {
            editing.Set();
            release.Wait(Blocked);
            return ScheduleEdits.Insert(s, Day, Colour("inserted", "#909090", 1), "a");
        }));
        Assert.True(editing.Wait(Blocked));
        var clock = Stopwatch.StartNew();
        var status = channel.Automation.Status();
        var plan = channel.Automation.Plan;
        var schedule = channel.Automation.Schedule;
        var ahead = channel.Automation.PlanAhead(TimeSpan.FromHours(1));
        var waited = clock.Elapsed;
        bool stillEditing = !edit.IsCompleted;
        release.Set();
        Assert.True((await edit).Ok);
        Assert.True(stillEditing, "the edit finished before the readers ran");
        Assert.True(waited < TimeSpan.FromSeconds(1), $"readers waited {waited.TotalMilliseconds:0} ms for the edit");
        Assert.Equal((before, "a", "b"), (status.ScheduleVersion, status.OnAir!.Id, status.Next!.Id));
        Assert.Equal(before, schedule.Version);
        Assert.Contains(plan.Items, i => i.Event.Id == "b");
        Assert.Contains(ahead.Items, i => i.Event.Id == "b");

        // The edit is in the schedule at once, in the status once the pump has laid it out and published it.
        Assert.Equal(before + 1, channel.Automation.Schedule.Version);
        channel.RunUntil(11);
        Assert.Equal((before + 1, "inserted"), (channel.Automation.Status().ScheduleVersion, channel.Automation.Status().Next!.Id));
    }

    [Fact]
    public async Task A_graphic_is_opened_outside_the_lock_so_edits_and_operator_actions_never_wait_for_a_picture_to_decode()
    {
        using var folder = new TempDirectory();
        string logo = Logo(folder);
        WatchedSources? sources = null;
        using var channel = new AutomatedChannel(Epoch, sources: inner => sources = new WatchedSources(inner));
        sources!.GraphicGate.Reset();
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 1), Colour("b", "#505050", 4)]));
        channel.RunUntil(10);
        // An edit brings a logo into the lookahead: the pump opens it, slowly.
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Replace(s, Day, "b",
            Colour("b", "#505050", 4, [new SecondaryEvent(SecondaryKind.LogoOn, Offset: TimeSpan.FromSeconds(0.5), Source: logo)]))).Ok);
        var pump = Task.Run(channel.Automation.Pump);
        Assert.True(sources.GraphicOpening.Wait(Blocked));

        var clock = Stopwatch.StartNew();
        var edit = channel.Automation.Apply(s => ScheduleEdits.Insert(s, Day, Colour("c", "#606060", 1), "b"));
        var hold = channel.Automation.Hold();
        var waited = clock.Elapsed;
        bool stillOpening = !pump.IsCompleted;
        sources.GraphicGate.Set();
        await pump;
        Assert.True(stillOpening, "the graphic was opened before the edit ran");
        Assert.True(waited < TimeSpan.FromSeconds(1), $"the edit and the hold waited {waited.TotalMilliseconds:0} ms for the picture");
        Assert.True(hold.Ok && edit.Ok, $"{hold.Reason} {edit.Reason}");
        Assert.Single(sources.OpenedFor(logo));
    }

    [Fact]
    public void A_cue_withdrawn_before_air_closes_its_producer_and_its_graphics_and_one_that_airs_keeps_them()
    {
        using var folder = new TempDirectory();
        string logo = Logo(folder);
        WatchedSources? sources = null;
        using var channel = new AutomatedChannel(Epoch, sources: inner => sources = new WatchedSources(inner));
        var withLogo = new SecondaryEvent[] { new(SecondaryKind.LogoOn, Offset: TimeSpan.FromSeconds(0.2), Source: logo) };
        channel.Load(new DaySchedule(Day, [Colour("a", "#404040", 3), Colour("dropped", "#505050", 2, withLogo), Colour("kept", "#606060", 2)]));
        // "dropped" starts at tick 75: cued and pre-rolled (2 s ahead) by tick 30.
        channel.RunUntil(30);
        var producer = Assert.Single(sources!.OpenedFor("#505050"));
        var graphic = Assert.Single(sources.OpenedFor(logo));
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Replace(s, Day, "kept", Colour("kept", "#606060", 2, withLogo))).Ok);
        Assert.True(channel.Automation.Apply(s => ScheduleEdits.Delete(s, Day, "dropped")).Ok);
        channel.RunUntil(130);
        Assert.True(channel.Context.Background.Drain(Blocked));
        Assert.True(producer.IsDisposed, "the withdrawn producer is still open");
        Assert.True(graphic.IsDisposed, "the withdrawn graphic is still open");
        // "kept" took the air at tick 75 with its own logo, which is on the graphics layer now.
        var onAir = Assert.Single(sources.OpenedFor(logo), g => g != graphic);
        Assert.False(onAir.IsDisposed);
        Assert.Equal(onAir.Name, channel.Channel.Status().Layers.Single(l => l.Number == channel.Settings.GraphicsLayer).Foreground);
        Assert.Equal(channel.LumaOf("#606060"), channel.Luma[76]);
    }

    /// <summary>A small half-transparent picture with alpha, as logos are.</summary>
    private static string Logo(TempDirectory folder)
    {
        string path = folder.File("logo.png");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=red@0.5:s=64x36,format=rgba", "-frames:v", "1", path);
        return path;
    }
}
