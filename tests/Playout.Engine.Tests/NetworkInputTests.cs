using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers.Clips;
using Playout.HwSim;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class NetworkInputTests
{
    [Fact]
    public void An_mpeg_ts_stream_over_udp_plays_live_and_its_loss_is_covered_by_the_filler_with_an_alarm()
    {
        int port = FreePorts.Udp();
        using var test = new CardChannel(card: new SimulatedCardOptions(Timing: CardTiming.OnSend), clock: c => new SystemClock(c.Context.Format.FrameRate));
        var luma = new List<int>();
        test.Output.OnScanOut = (_, video, _) => luma.Add(Pixels.Luma(video, 360, 288));
        var url = $"udp://127.0.0.1:{port}";
        test.Channel.Execute(StageCommands.Load(1, new ClipProducer(test.Context, url, new ClipOptions(Live: true, Options: "timeout=1000000"))));
        test.Channel.Start();

        // ffmpeg sends 4 s of a picture whose luma steps every frame, in real time, as the real peer.
        using (var sender = LiveSender.Start(port, seconds: 4))
        {
            Assert.True(sender.WaitForExit(20_000), "ffmpeg did not finish sending");
            Assert.Equal(0, sender.ExitCode);
        }
        int sent = luma.Count;
        Assert.True(SpinWait.SpinUntil(() => test.Alarms.Active.Any(a => a.Source == "channel 1/layer 1"), TimeSpan.FromSeconds(10)),
            "no alarm after the stream stopped");
        test.Channel.Stop();

        var live = luma.Take(sent).Where(y => y != 64).ToArray();
        // The stream played live: a second's worth and more of the 100 different pictures sent reached air (the sender's luma
        // changes every frame). On a loaded machine the channel skips the frames of late ticks and holds a picture the
        // decoder has not delivered in time, so the count is not of the 100 sent.
        Assert.InRange(live.Distinct().Count(), 25, 101);
        Assert.Contains(url, test.Alarms.Active.Single(a => a.Source == "channel 1/layer 1").Message);
        Assert.Equal(64, luma[^1]);
    }
}
