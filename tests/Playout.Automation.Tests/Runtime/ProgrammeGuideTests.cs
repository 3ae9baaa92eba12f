using Playout.Automation.Schedules;
using Playout.Engine.Channels;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The automation tells programme guides now and next (<see cref="Engine.Channels.ChannelContext.Guide"/>, which an
/// MPEG-TS output's EIT carries): the item on air from the tick it aired and the next one from its planned start, each
/// with its planned end; an operator's skip changes next without a cut.
/// </summary>
public class ProgrammeGuideTests
{
    [Fact]
    public void Now_and_next_follow_the_items_as_they_air_and_the_running_order_as_an_operator_changes_it()
    {
        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        channel.Load(new DaySchedule(new DateOnly(2026, 12, 6),
        [
            new PrimaryEvent("news", PrimaryKind.Filler, "#303030", Title: "Tin tức", Duration: TimeSpan.FromSeconds(2)),
            new PrimaryEvent("weather", PrimaryKind.Filler, "#B0B0B0", Title: "Weather", Duration: TimeSpan.FromSeconds(3)),
            new PrimaryEvent("music", PrimaryKind.Filler, "#505050", Title: "Âm nhạc", Duration: TimeSpan.FromSeconds(2)),
        ]));
        var start = channel.Automation.Plan.Items.Where(i => !i.IsFiller).ToDictionary(i => i.Event.Id, i => i.Start!.Value);

        channel.RunUntil(start["news"] + 5);
        // The first item airs a few ticks after its planned start (the channel starting up): now counts from when it aired.
        var aired = channel.Context.Guide!.Present!.StartTick;
        Assert.InRange(aired, start["news"], start["news"] + 4);
        Assert.Equal(new ProgrammeGuide(new GuideEvent("Tin tức", aired, start["weather"]), new GuideEvent("Weather", start["weather"], start["music"])),
            channel.Context.Guide);
        var before = channel.Context.Guide;
        channel.RunUntil(start["news"] + 10);
        Assert.Same(before, channel.Context.Guide); // unchanged: the same guide, so outputs send no new version

        channel.RunUntil(start["weather"] + 5);
        Assert.Equal(new GuideEvent("Weather", start["weather"], start["music"]), channel.Context.Guide!.Present);
        Assert.Equal("Âm nhạc", channel.Context.Guide.Following!.Title);

        // Skipping the next item: the guide's next is the one after it, before any cut.
        Assert.True(channel.Automation.Skip().Ok);
        channel.RunUntil(start["weather"] + 10);
        Assert.Equal("Weather", channel.Context.Guide!.Present!.Title);
        Assert.NotEqual("Âm nhạc", channel.Context.Guide.Following?.Title);
    }
}
