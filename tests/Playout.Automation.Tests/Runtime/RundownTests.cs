using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Runtime;

/// <summary>The rundown's item states, start modes and secondaries (docs/AUTOMATION.md "Rundown").</summary>
public class RundownTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static PrimaryEvent Colour(string id, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null,
        IReadOnlyList<SecondaryEvent>? secondaries = null) =>
        new(id, PrimaryKind.Filler, "#404040", Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds), Secondaries: secondaries);

    [Fact]
    public void Played_items_come_first_then_the_one_on_air_cued_ready_missing_and_skipped_with_their_start_modes_and_secondaries()
    {
        using var channel = new AutomatedChannel(Epoch);
        var logo = new SecondaryEvent(SecondaryKind.LogoOn, EventAnchor.Start, TimeSpan.FromSeconds(1), Source: "#FFFFFF");
        var logoOff = new SecondaryEvent(SecondaryKind.LogoOff, EventAnchor.End, TimeSpan.FromSeconds(-1));
        channel.Load(new DaySchedule(Day, [
            Colour("a", 1),
            Colour("b", 4, secondaries: [logo, logoOff]),
            Colour("c", 1),
            Colour("drop", 1),
            new PrimaryEvent("lost", PrimaryKind.Clip, "lost.mxf", Duration: TimeSpan.FromSeconds(2)),
            Colour("news", 2, TimingMode.Fixed, new TimeSpan(6, 1, 0)),
            Colour("studio", 2, TimingMode.Manual)]));
        channel.RunUntil(80);
        var rundown = channel.Automation.Rundown(TimeSpan.FromHours(3), channel.Automation.RecentAsRun, e => e.Id == "lost");

        Assert.Equal(("channel 1", new FrameRateStatus(25, 1)), (rundown.Channel, rundown.FrameRate));
        var byId = rundown.Items.Where(i => !i.IsFiller).ToDictionary(i => i.Id);
        var order = rundown.Items.Where(i => !i.IsFiller).Select(i => i.Id).ToList();
        Assert.Equal(["a", "b", "c", "drop", "lost", "news", "studio"], order);
        // a joined 3 frames in (the cut margin at start-up): its aired times, not its planned ones.
        Assert.Equal(("played", "06:00:00:03", "06:00:01:00", "00:00:00:22"), (byId["a"].State, byId["a"].Start, byId["a"].End, byId["a"].Duration));
        Assert.Equal(("onair", "06:00:01:00", "06:00:05:00"), (byId["b"].State, byId["b"].Start, byId["b"].End));
        Assert.Equal("cued", byId["c"].State);
        Assert.Equal("missing", byId["lost"].State);
        Assert.Equal(("ready", "fixed", "06:01:00:00"), (byId["news"].State, byId["news"].StartMode, byId["news"].Start));
        // The first event waiting for a take is pre-rolled at once, so a take cuts to it without delay.
        Assert.Equal(("cued", "manual", null), (byId["studio"].State, byId["studio"].StartMode, byId["studio"].Start));
        Assert.Equal("follow", byId["c"].StartMode);
        // b's logo went on a second into it; its logo-off is queued for a second before its end.
        Assert.Equal([("b/0", "logo-on", "start+00:00:01:00", "done"), ("b/1", "logo-off", "end-00:00:01:00", "queued")],
            byId["b"].Secondaries.Select(s => (s.Id, s.Kind, s.Offset, s.State)));
    }

    [Fact]
    public void An_event_skipped_by_an_operator_shows_skipped_where_it_stood_and_the_rest_keep_their_order()
    {
        using var channel = new AutomatedChannel(Epoch);
        channel.Load(new DaySchedule(Day, [Colour("a", 2), Colour("b", 2), Colour("c", 2)]));
        channel.RunUntil(10);
        Assert.True(channel.Automation.Skip("sam").Ok);
        channel.RunUntil(20);
        var items = channel.Automation.Rundown(TimeSpan.FromHours(1), channel.Automation.RecentAsRun).Items.Where(i => !i.IsFiller).ToList();

        Assert.Equal([("b", "skipped"), ("a", "onair"), ("c", "cued")], items.Select(i => (i.Id, i.State)));
    }
}
