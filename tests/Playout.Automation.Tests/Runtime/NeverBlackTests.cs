using Playout.Automation.Schedules;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// Never black, by rule, through the automation: a clip shorter than its slot, and a clip held past its end, show the
/// channel's filler (here a grey, so it cannot pass for black) until the next event, never black.
/// </summary>
public class NeverBlackTests
{
    private const string Filler = "#606060", After = "#B0B0B0";
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A clip of one second at <paramref name="rate"/> frames a second, a mid grey of its own.</summary>
    private static string Clip(TempDirectory folder, int rate = 25)
    {
        string path = folder.File("short.mkv");
        Ffmpeg.Run("-f", "lavfi", "-i", $"color=c=0x969696:s=320x180:r={rate}:d=1", "-c:v", "ffv1", path);
        return path;
    }

    [Theory]
    [InlineData("576i50")]
    [InlineData("720p50")]
    public void A_clip_shorter_than_its_slot_shows_the_channels_filler_for_the_rest_of_it_then_the_next_event(string format)
    {
        using var folder = new TempDirectory();
        // Patience: a busy machine's decode time is not filler here (only the clip's end is).
        using var channel = new AutomatedChannel(Epoch, format, filler: Filler, patience: TimeSpan.FromSeconds(3));
        int rate = (int)Math.Round(channel.Context.Format.FrameRate.ToDouble());
        string clip = Clip(folder, rate);
        channel.Load(new DaySchedule(Day,
        [
            new PrimaryEvent("short", PrimaryKind.Clip, clip, Timing: TimingMode.Fixed, Start: TimeSpan.FromHours(6) + TimeSpan.FromSeconds(5),
                Duration: TimeSpan.FromSeconds(2)),
            LoopingDay.Colour("after", After, 1),
        ]));
        int start = (int)channel.Automation.Plan.Items.Single(i => i.Event.Id == "short").Start!.Value;
        channel.RunUntil(start + 3 * rate + 5);

        int filler = channel.LumaOf(Filler), black = channel.LumaOf("black");
        Assert.NotEqual(black, filler);
        // The clip's second of frames, then the filler for the second of its slot left, then the next event on its frame.
        Assert.All(channel.Luma.Skip(start).Take(rate), y => Assert.NotEqual(filler, y));
        Assert.Equal(Enumerable.Repeat(filler, rate), channel.Luma.Skip(start + rate).Take(rate));
        Assert.Equal(channel.LumaOf(After), channel.Luma[start + 2 * rate]);
        Assert.DoesNotContain(black, channel.Luma.Skip(start).Take(3 * rate));
    }

    [Fact]
    public void A_clip_held_past_its_end_shows_the_channels_filler_until_it_is_released()
    {
        using var folder = new TempDirectory();
        using var channel = new AutomatedChannel(Epoch, filler: Filler, patience: TimeSpan.FromSeconds(3));
        channel.Load(new DaySchedule(Day,
        [
            new PrimaryEvent("held", PrimaryKind.Clip, Clip(folder), Timing: TimingMode.Fixed, Start: TimeSpan.FromHours(6) + TimeSpan.FromSeconds(5),
                Duration: TimeSpan.FromSeconds(1)),
            LoopingDay.Colour("after", After, 1),
        ]));
        int start = (int)channel.Automation.Plan.Items.Single(i => i.Event.Id == "held").Start!.Value;
        channel.RunUntil(start + 10);
        Assert.True(channel.Automation.Hold("ann").Ok);
        channel.RunUntil(start + 75);
        Assert.True(channel.Automation.Release("ann").Ok);
        channel.RunUntil(start + 100);

        int filler = channel.LumaOf(Filler);
        Assert.Equal(Enumerable.Repeat(filler, 50), channel.Luma.Skip(start + 25).Take(50));
        Assert.Contains(channel.LumaOf(After), channel.Luma.Skip(start + 75));
        Assert.DoesNotContain(channel.LumaOf("black"), channel.Luma.Skip(start).Take(100));
    }
}
