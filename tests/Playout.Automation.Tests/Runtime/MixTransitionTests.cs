using Playout.Automation.Schedules;
using Playout.Engine.Channels;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// An event with a mix comes in over the one before: from its own start frame the picture dissolves (and the sound
/// cross-fades) over the mix's frames while the one before plays on under it, past its end; without a mix it cuts.
/// What is on air is told as the item airs.
/// </summary>
public class MixTransitionTests
{
    [Fact]
    public void A_mixed_event_dissolves_over_the_one_before_from_its_start_frame_and_a_plain_one_cuts()
    {
        var day = new DateOnly(2026, 12, 6);
        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        channel.Load(new DaySchedule(day,
        [
            new PrimaryEvent("first", PrimaryKind.Filler, "#303030", Title: "Song one", Duration: TimeSpan.FromSeconds(2)),
            new PrimaryEvent("mixed", PrimaryKind.Filler, "#B0B0B0", Title: "Song two", Duration: TimeSpan.FromSeconds(2), Mix: TimeSpan.FromSeconds(0.4)),
            new PrimaryEvent("cut", PrimaryKind.Filler, "#505050", Duration: TimeSpan.FromSeconds(2)),
        ]));
        var items = channel.Automation.Plan.Items.Where(i => !i.IsFiller).ToDictionary(i => i.Event.Id, i => i.Start!.Value);
        channel.RunUntil(items["mixed"]);
        Assert.Equal("Song one", channel.Context.NowPlaying);
        channel.RunUntil(items["cut"] + 5);

        int dark = channel.LumaOf("#303030"), light = channel.LumaOf("#B0B0B0"), grey = channel.LumaOf("#505050");
        long mixed = items["mixed"];
        Assert.Equal(dark, channel.Luma[(int)mixed - 1]);
        // 10 frames at 25 fps: frame k shows (k + 1) / 10 of the new picture, the last one whole.
        var ramp = Enumerable.Range(0, 10).Select(k => channel.Luma[(int)mixed + k]).ToArray();
        Assert.All(ramp[..^1], l => Assert.InRange(l, dark + 1, light - 1));
        Assert.Equal(ramp.Order(), ramp);
        Assert.Equal(light, ramp[^1]);
        Assert.Equal(light, channel.Luma[(int)items["cut"] - 1]);
        Assert.Equal(grey, channel.Luma[(int)items["cut"]]);
        // Told with the frame it went to air at (outputs date titles there), though the automation notes the take later.
        Assert.Equal(new OnAirTitle("#505050", items["cut"]), channel.Context.OnAir);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(31.0)]
    public void A_mix_of_nothing_or_of_more_than_30_seconds_is_refused_at_its_event(double seconds)
    {
        var schedule = ChannelSchedule.Empty.With(new DaySchedule(new DateOnly(2026, 12, 6),
            [new PrimaryEvent("song", PrimaryKind.Filler, "black", Duration: TimeSpan.FromSeconds(5), Mix: TimeSpan.FromSeconds(seconds))]));

        var problem = Assert.Single(ScheduleValidator.Validate(schedule, null));

        Assert.Contains("song: mix: ", problem);
        Assert.Contains("is not a mix of more than 0 and at most 30 s", problem);
    }
}
