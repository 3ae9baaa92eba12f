using System.Diagnostics;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.HwSim;
using Playout.TestSupport;
using Xunit.Abstractions;

namespace Playout.Engine.Tests;

/// <summary>A live input fails fast: filler within 0.5 s of its stream stopping, pictures again within 1 s of its return.</summary>
// Live streams decoded in real time: not beside the other tests of this assembly.
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class LiveInputLossTests(ITestOutputHelper output)
{
    private const int Black = 64;
    private const string Layer = "channel 1/layer 1";

    [Fact]
    public void A_lost_udp_input_shows_the_filler_within_half_a_second_and_its_pictures_within_a_second_of_its_return()
    {
        int port = FreePorts.Udp();
        using var relay = new UdpRelay(port);
        using var test = new CardChannel(card: new SimulatedCardOptions(Timing: CardTiming.OnSend), clock: c => new SystemClock(c.Context.Format.FrameRate));
        var shown = new List<(long At, int Luma)>();
        var heard = new List<(long At, int Peak)>();
        test.Output.OnScanOut = (_, video, audio) =>
        {
            long at = Stopwatch.GetTimestamp();
            lock (shown)
                shown.Add((at, Pixels.Luma(video, 360, 288)));
            lock (heard)
                heard.Add((at, audio is null ? 0 : (int)(1000 * Peak(audio.Samples))));
        };
        var producer = new ClipProducer(test.Context, $"udp://127.0.0.1:{port}", new ClipOptions(Live: true));
        test.Channel.Execute(StageCommands.Load(1, producer));
        test.Channel.Start();

        using (var first = LiveSender.Start(relay.Port, seconds: 60))
        {
            Assert.True(WaitFor(() => LiveSince(shown, 0) is not null && Count(shown, s => s.Luma != Black) >= 25, 20),
                "the stream never went to air");
            first.Kill();
            first.WaitForExit();
        }
        // The input saw the stream stop at its last datagram; nothing comes after it (the sender is dead).
        Thread.Sleep(100);
        long stopped = relay.Last;
        Assert.True(WaitFor(() => FillerSince(shown, stopped) is not null, 10), "the filler never covered the lost stream");
        double toFiller = Seconds(FillerSince(shown, stopped)!.Value - stopped);
        Assert.True(toFiller <= 0.5, $"the filler covered {toFiller:F2} s after the stream stopped (at most 0.5 s)");
        Assert.Contains("no signal", test.Alarms.Active.Single(a => a.Source == Layer).Message);

        // A while without signal: the filler stays, then a new sender (new stream, timestamps from 0) comes back.
        Thread.Sleep(1500);
        Assert.Equal(Black, Last(shown).Luma);
        using var second = LiveSender.Start(relay.Port, seconds: 60);
        Assert.True(WaitFor(() => relay.FirstAfter(stopped) is not null, 20), "the second sender sent nothing");
        long back = relay.FirstAfter(stopped)!.Value;
        Assert.True(WaitFor(() => LiveSince(shown, back) is not null, 10), "the stream never came back to air");
        double toPictures = Seconds(LiveSince(shown, back)!.Value - back);
        // Its sound too (the sender's tone peaks at 0.125): none is owed for the ticks lost.
        Assert.True(WaitFor(() => FirstSince(heard, back, peak => peak > 50) is not null, 10), "the stream's sound never came back");
        double toSound = Seconds(FirstSince(heard, back, peak => peak > 50)!.Value - back);
        second.Kill();
        test.Channel.Stop();
        output.WriteLine($"filler {toFiller:F3} s after the stream stopped, pictures {toPictures:F3} s and sound {toSound:F3} s after it came back");

        Assert.True(toPictures <= 1, $"pictures came back {toPictures:F2} s after the stream did (at most 1 s)");
        Assert.True(toSound <= 1, $"sound came back {toSound:F2} s after the stream did (at most 1 s)");
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == Layer && a.Message.Contains("no signal", StringComparison.Ordinal));
        // For as-run: the loss, by tick, as long as the filler was on air (give or take a few ticks of the card's
        // scan-out); a slow first start may add one before it.
        var loss = producer.SignalLosses[^1];
        Assert.Contains("no signal", loss.Reason);
        double onFiller = Seconds(LiveSince(shown, back)!.Value - FillerSince(shown, stopped)!.Value) * 25;
        Assert.InRange(loss.BackTick!.Value - loss.LostTick, onFiller - 5, onFiller + 5);
    }

    [Fact]
    public void A_lost_udp_input_with_a_backup_shows_the_backup_under_an_alarm_until_it_returns()
    {
        int port = FreePorts.Udp(), backupPort = FreePorts.Udp();
        using var relay = new UdpRelay(port);
        using var test = new CardChannel(card: new SimulatedCardOptions(Timing: CardTiming.OnSend), clock: c => new SystemClock(c.Context.Format.FrameRate));
        var shown = new List<(long At, int Luma)>();
        test.Output.OnScanOut = (_, video, _) =>
        {
            lock (shown)
                shown.Add((Stopwatch.GetTimestamp(), Pixels.Luma(video, 360, 288)));
        };
        var main = new ClipProducer(test.Context, $"udp://127.0.0.1:{port}", new ClipOptions(Live: true) { Backup = $"udp://127.0.0.1:{backupPort}" });
        test.Channel.Execute(StageCommands.Load(1, main));
        test.Channel.Start();
        // The main input's pictures are darker (10-bit luma 120..512) than its backup's (560..872).
        const int Bright = 540;
        string alarm = $"channel 1/input udp://127.0.0.1:{port}";
        using var backup = LiveSender.Start(backupPort, seconds: 60, luma: "140+mod(N*2,80)");
        using (var first = LiveSender.Start(relay.Port, seconds: 60, luma: "30+mod(N*2,100)"))
        {
            Assert.True(WaitFor(() => Count(shown, s => s.Luma is > Black and < Bright) >= 25, 20), "the main stream never went to air");
            first.Kill();
            first.WaitForExit();
        }
        Thread.Sleep(100);
        long stopped = relay.Last;
        Assert.True(WaitFor(() => FirstSince(shown, stopped, luma => luma >= Bright) is not null, 10), "the backup never went to air");
        double toBackup = Seconds(FirstSince(shown, stopped, luma => luma >= Bright)!.Value - stopped);
        Assert.True(toBackup <= 0.5, $"the backup went to air {toBackup:F2} s after the main stream stopped (at most 0.5 s)");
        Assert.Contains("backup", test.Alarms.Active.Single(a => a.Source == alarm).Message);
        Thread.Sleep(1000);

        using var second = LiveSender.Start(relay.Port, seconds: 60, luma: "30+mod(N*2,100)");
        Assert.True(WaitFor(() => relay.FirstAfter(stopped) is not null, 20), "the second sender sent nothing");
        long back = relay.FirstAfter(stopped)!.Value;
        Assert.True(WaitFor(() => FirstSince(shown, back, luma => luma is > Black and < Bright) is not null, 10), "the main stream never came back");
        double toMain = Seconds(FirstSince(shown, back, luma => luma is > Black and < Bright)!.Value - back);
        second.Kill();
        backup.Kill();
        test.Channel.Stop();

        output.WriteLine($"backup {toBackup:F3} s after the stream stopped, main {toMain:F3} s after it came back");
        Assert.True(toMain <= 1, $"the main stream came back {toMain:F2} s after it did (at most 1 s)");
        // No filler between: the last main picture, the backup's, the main's again.
        lock (shown)
            Assert.DoesNotContain(shown, s => s.At > stopped && s.At < back && s.Luma == Black);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == alarm);
    }

    [Fact]
    public void A_udp_input_whose_sender_comes_back_with_another_codec_opens_again_and_plays_it()
    {
        int port = FreePorts.Udp();
        using var test = new CardChannel(card: new SimulatedCardOptions(Timing: CardTiming.OnSend), clock: c => new SystemClock(c.Context.Format.FrameRate));
        var shown = new List<(long At, int Luma)>();
        test.Output.OnScanOut = (_, video, _) =>
        {
            lock (shown)
                shown.Add((Stopwatch.GetTimestamp(), Pixels.Luma(video, 360, 288)));
        };
        test.Channel.Execute(StageCommands.Load(1, new ClipProducer(test.Context, $"udp://127.0.0.1:{port}", new ClipOptions(Live: true))));
        test.Channel.Start();
        using (var mpeg2 = LiveSender.Start(port, seconds: 60))
        {
            Assert.True(WaitFor(() => Count(shown, s => s.Luma != Black) >= 10, 20), "the MPEG-2 stream never went to air");
            mpeg2.Kill();
            mpeg2.WaitForExit();
        }
        Assert.True(WaitFor(() => Last(shown).Luma == Black, 5), "the filler never covered the lost stream");

        // Same PIDs, H.264 now: the MPEG-2 decoder pictures none of it, its sound plays on; after 2 s of sound alone the input opens again.
        long back = Stopwatch.GetTimestamp();
        using var h264 = LiveSender.Start(port, seconds: 60, video: "libx264");
        // Its pictures, each new (a stray one the MPEG-2 decoder made of H.264 data is not the stream).
        bool returned = WaitFor(() => Count(shown, s => s.At > back && s.Luma != Black) >= 25, 15);
        h264.Kill();
        test.Channel.Stop();
        Assert.True(returned, "the H.264 stream never went to air");
        lock (shown)
            Assert.True(shown.Where(s => s.At > back && s.Luma != Black).Select(s => s.Luma).Distinct().Count() >= 10, "the H.264 stream's pictures did not move");
    }

    [Fact]
    public void A_live_input_with_no_sender_is_lost_from_the_start_and_disposes_at_once()
    {
        using var test = new CardChannel();
        var producer = new ClipProducer(test.Context, $"udp://127.0.0.1:{FreePorts.Udp()}", new ClipOptions(Live: true) { HoldLast = TimeSpan.FromMilliseconds(100) });
        Thread.Sleep(200);
        Assert.False(producer.TryReceive(new ProduceContext(7, 1920, Stopwatch.GetTimestamp()), out _));
        Assert.EndsWith(": no signal", producer.Failure);
        Assert.Equal(new SignalLoss(7, null, producer.Failure!), Assert.Single(producer.SignalLosses));

        // Its open waits on the silent socket; disposing aborts it rather than waiting for a sender.
        var disposing = Stopwatch.StartNew();
        producer.Dispose();
        Assert.InRange(disposing.Elapsed.TotalSeconds, 0, 1);
    }

    private static long? FillerSince(List<(long At, int Luma)> shown, long since) => FirstSince(shown, since, luma => luma == Black);

    private static long? LiveSince(List<(long At, int Luma)> shown, long since) => FirstSince(shown, since, luma => luma != Black);

    private static long? FirstSince(List<(long At, int Luma)> shown, long since, Func<int, bool> match)
    {
        lock (shown)
            return shown.FirstOrDefault(s => s.At > since && match(s.Luma)) is { At: > 0 } first ? first.At : null;
    }

    private static int Count(List<(long At, int Luma)> shown, Func<(long At, int Luma), bool> match)
    {
        lock (shown)
            return shown.Count(match);
    }

    private static (long At, int Luma) Last(List<(long At, int Luma)> shown)
    {
        lock (shown)
            return shown[^1];
    }

    private static float Peak(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        foreach (float sample in samples)
            peak = Math.Max(peak, Math.Abs(sample));
        return peak;
    }

    private static bool WaitFor(Func<bool> condition, int seconds) => SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds));

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
