using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Stage;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Mixing;

/// <summary>
/// 720p (1280 wide: not whole v210 blocks or groups) under everything the mixer does at once: a logo keyed over a
/// clip, dissolving back and forth to bars, for ten minutes of air (unthrottled: about half a minute here).
/// </summary>
public class MixerSoakTests
{
    private const int Cycle = 50;

    private const double Seconds = 600;

    [Theory]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    public void Logo_dissolves_and_a_clip_run_without_a_failed_tick_or_a_leaked_frame(string format)
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "clip.mkv", frames: 30, lumaBase: 100, size: "1280x720");
        string logo = folder.File("logo.png");
        Ffmpeg.Run("-f", "lavfi", "-i", "color=c=white@1.0:s=150x60,format=rgba,geq=r=255:g=200:b=40:a='X*255/150'", "-frames:v", "1", logo);
        using var test = new CardChannel(format, card: new HwSim.SimulatedCardOptions(Timing: HwSim.CardTiming.OnSend, Checksums: false));
        var channel = test.Channel;
        long ticks = (long)(Seconds * test.Context.Format.FrameRate.ToDouble()) / Cycle * Cycle;
        channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip, new ClipOptions(Loop: true)))));
        channel.Execute(StageCommands.Load(2, new StillProducer("logo", null, ImageFiles.Overlay(test.Context, logo, 1101, 37))));

        // Each cycle loads the other source behind the one on air and dissolves to it; clip and bars take turns.
        var outstanding = new List<int>();
        for (long cycle = 0; cycle < ticks / Cycle; cycle++)
        {
            Producer next = cycle % 2 == 0 ? SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)
                : new ClipProducer(test.Context, clip, new ClipOptions(Loop: true));
            channel.Execute(StageCommands.LoadBackground(1, next));
            channel.RunTicks(Cycle / 2);
            channel.Execute(StageCommands.Take(1, new Transition(TransitionKind.Mix, 12)));
            channel.RunTicks(Cycle / 2);
            if (cycle % 2 == 1)
                outstanding.Add(test.Context.VideoPool.Outstanding);
        }

        // A failed tick sends nothing to the card, so every tick played means none failed.
        Assert.Equal(ticks, test.Output.Counters.FramesPlayed);
        // Frames held at the same point of each cycle (clip on air, decoding ahead) come back to their level: a decoder
        // slowed by a loaded machine fills its queue for a while, but one frame leaked per cycle would never come down
        // again (by the end it would be hundreds).
        int first = outstanding.Skip(1).Take(20).Min(), last = outstanding.TakeLast(20).Min();
        Assert.True(last <= first + 2, $"frames outstanding per cycle: {string.Join(", ", outstanding)}");
    }
}
