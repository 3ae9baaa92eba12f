using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Probes;
using Playout.Engine.Producers;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The silence failover on a running channel (simulated clock): silence that lasted the probe's time brings the fallback
/// on air from the next tick under the fallback alarm, noted in the as-run log; the next item to air ends it on its own
/// first frame; an operator
/// clearing it ends it at once; a fallback that cannot open is alarmed and the programme stays as it is; an operator's hold
/// leaves intended silence on air until it is released or its time is up.
/// </summary>
public class SilenceFallbackTests
{
    private static readonly DateOnly Day = new(2026, 12, 6);

    private static PrimaryEvent Colour(string id, string colour, double seconds) =>
        new(id, PrimaryKind.Filler, colour, Title: id, Duration: TimeSpan.FromSeconds(seconds));

    private static AutomatedChannel Channel(Func<Engine.Channels.ChannelContext, Producer> fallback)
    {
        var channel = new AutomatedChannel(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero), fallback: fallback);
        channel.Load(new DaySchedule(Day, [Colour("dead-air", "#303030", 4), Colour("next", "#B0B0B0", 4)]));
        return channel;
    }

    private static void Silence(AutomatedChannel channel) =>
        channel.Automation.Note(new ProbeEvent(ProbeKind.Silence, channel.Channel.Tick - 50, DateTimeOffset.UtcNow, null, null));

    [Fact]
    public void Silence_cuts_to_the_fallback_until_the_next_item_airs()
    {
        using var channel = Channel(context => SyntheticProducers.Color(context, "#707070"));
        long next = channel.Automation.Plan.Items.Single(i => i.Event.Id == "next").Start!.Value;
        channel.RunUntil(60);
        Silence(channel);
        channel.RunUntil(next + 5);

        int fallback = channel.LumaOf("#707070");
        Assert.Equal(channel.LumaOf("#303030"), channel.Luma[59]);
        Assert.All(channel.Luma.Skip(61).Take((int)next - 61), l => Assert.Equal(fallback, l));
        // The fallback goes off air on the next item's own first frame.
        Assert.Equal(fallback, channel.Luma[(int)next - 1]);
        Assert.All(channel.Luma.Skip((int)next), l => Assert.Equal(channel.LumaOf("#B0B0B0"), l));
        Assert.Null(channel.Automation.Status().Emergency);
        Assert.DoesNotContain(channel.Alarms.Active, a => a.Source == "channel 1/fallback");
        var notes = channel.Automation.RecentAsRun.Where(e => e.Kind == "operator" && e.EventId == "emergency").Select(e => e.Reason).ToArray();
        Assert.Contains(notes, n => n!.StartsWith("silence: cut to the fallback by silence failover at ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n!.StartsWith("fallback ended: next went to air by silence failover at ", StringComparison.Ordinal));
    }

    [Fact]
    public void While_on_the_fallback_the_alarm_names_what_it_covers_and_an_operator_clearing_it_ends_it()
    {
        using var channel = Channel(context => SyntheticProducers.Color(context, "#707070"));
        channel.RunUntil(30);
        Silence(channel);
        channel.RunUntil(35);

        var emergency = channel.Automation.Status().Emergency!;
        Assert.Equal(("fallback", SilenceFallback.Who), (emergency.To, emergency.Who));
        Assert.Equal("silence on air: the fallback covers dead-air until the next item",
            Assert.Single(channel.Alarms.Active, a => a.Source == "channel 1/fallback").Message);

        Assert.True(channel.Automation.ClearEmergency("desk").Ok);
        channel.RunUntil(40);
        Assert.Equal(channel.LumaOf("#303030"), channel.Luma[39]);
        Assert.DoesNotContain(channel.Alarms.Active, a => a.Source == "channel 1/fallback");
    }

    [Fact]
    public void A_fallback_that_cannot_open_is_a_critical_alarm_and_the_programme_stays()
    {
        using var channel = Channel(_ => throw new InvalidOperationException("the fallback folder /media/fallback has no files"));
        channel.RunUntil(30);
        Silence(channel);
        channel.RunUntil(35);

        Assert.Null(channel.Automation.Status().Emergency);
        Assert.Equal("silence on air and the fallback cannot play: the fallback folder /media/fallback has no files",
            Assert.Single(channel.Alarms.Active, a => a.Source == "channel 1/fallback").Message);
        Assert.Equal(channel.LumaOf("#303030"), channel.Luma[34]);
    }

    [Fact]
    public void A_held_failover_leaves_silence_on_air_under_a_warning_until_released_and_a_hold_ends_on_its_own()
    {
        using var channel = Channel(context => SyntheticProducers.Color(context, "#707070"));
        channel.RunUntil(10);
        Assert.True(channel.Automation.HoldFallback(TimeSpan.FromSeconds(1), "desk").Ok);
        Assert.NotNull(channel.Automation.Status().FallbackHeldUntil);
        Assert.StartsWith("the silence failover is held by desk until ",
            Assert.Single(channel.Alarms.Active, a => a.Source == "channel 1/fallback hold").Message);
        Silence(channel);
        channel.RunUntil(20);
        Assert.Null(channel.Automation.Status().Emergency);
        Assert.Equal(channel.LumaOf("#303030"), channel.Luma[19]);

        // 1 s at 25 frames: the hold ends on its own at tick 35, and silence brings the fallback again.
        channel.RunUntil(40);
        Assert.Null(channel.Automation.Status().FallbackHeldUntil);
        Assert.DoesNotContain(channel.Alarms.Active, a => a.Source == "channel 1/fallback hold");
        Silence(channel);
        channel.RunUntil(45);
        Assert.Equal("fallback", channel.Automation.Status().Emergency?.To);

        Assert.True(channel.Automation.ClearEmergency("desk").Ok);
        Assert.True(channel.Automation.HoldFallback(TimeSpan.FromMinutes(30), "desk").Ok);
        Assert.True(channel.Automation.ReleaseFallback("desk").Ok);
        Assert.False(channel.Automation.ReleaseFallback("desk").Ok);
        Assert.False(channel.Automation.HoldFallback(TimeSpan.FromHours(4), "desk").Ok);
        Assert.False(channel.Automation.HoldFallback(TimeSpan.Zero, "desk").Ok);
        var notes = channel.Automation.RecentAsRun.Where(e => e.Kind == "operator" && e.EventId == "fallback").Select(e => e.Reason).ToArray();
        Assert.Contains(notes, n => n!.StartsWith("silence failover held until ", StringComparison.Ordinal) && n.Contains(" by desk at ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n!.StartsWith("silence on air: the failover is held by silence failover at ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n!.StartsWith("silence failover hold ended by silence failover at ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n!.StartsWith("silence failover hold released by desk at ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_channel_without_a_failover_refuses_a_hold()
    {
        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        var refused = channel.Automation.HoldFallback(TimeSpan.FromMinutes(1), "desk");
        Assert.False(refused.Ok);
        Assert.Contains("no silence failover", refused.Reason);
    }
}
