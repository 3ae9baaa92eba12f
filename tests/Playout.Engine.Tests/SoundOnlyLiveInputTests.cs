using System.Diagnostics;
using Playout.Engine.Commands;
using Playout.Engine.Producers.Clips;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// A studio feed without pictures (an MPEG-TS radio service over UDP) on a radio channel: its sound plays, timed by the
/// sound itself; when the sender stops the input is lost ("no signal", silence) and its sound comes back with the sender.
/// </summary>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class SoundOnlyLiveInputTests
{
    private const string Layer = "channel 1/layer 1";

    [Fact]
    public void A_sound_only_feed_plays_is_lost_when_its_sender_stops_and_plays_again_when_it_comes_back()
    {
        int port = FreePorts.Udp();
        using var test = new TestChannel("radio", realTime: true);
        var heard = new List<(long At, float Peak)>();
        test.Recorder.Inspect = (_, audio) =>
        {
            float peak = 0;
            foreach (float s in audio.Samples)
                peak = Math.Max(peak, Math.Abs(s));
            lock (heard)
                heard.Add((Stopwatch.GetTimestamp(), peak));
            return null;
        };
        test.Channel.Execute(StageCommands.Load(1, new ClipProducer(test.Context, $"udp://127.0.0.1:{port}", new ClipOptions(Live: true))));
        test.Channel.Start();

        using (var first = Send(port))
        {
            Assert.True(Wait(() => Since(heard, 0, p => p > 0.05) is long from && Count(heard, from) >= 50, 20), "the feed's sound never went to air");
            Assert.DoesNotContain(test.Alarms.Active, a => a.Source == Layer);
            first.Kill();
            first.WaitForExit();
        }
        long stopped = Stopwatch.GetTimestamp();
        Assert.True(Wait(() => test.Alarms.IsActive(Layer), 10), "the lost feed was never alarmed");
        Assert.Contains("no signal", test.Alarms.Active.Single(a => a.Source == Layer).Message);
        Assert.True(Wait(() => Since(heard, stopped, p => p == 0) is not null, 5), "the lost feed's sound did not stop");

        using var second = Send(port);
        long back = Stopwatch.GetTimestamp();
        Assert.True(Wait(() => Since(heard, back, p => p > 0.05) is not null, 10), "the feed's sound never came back");
        Assert.True(Wait(() => !test.Alarms.IsActive(Layer), 5), "the input's alarm never cleared");
        second.Kill();
        test.Channel.Stop();
    }

    /// <summary>ffmpeg sending a 1 kHz tone as an MPEG-TS service with one MP2 stream, in real time.</summary>
    private static Process Send(int port)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=60",
            "-ac", "2", "-c:a", "mp2", "-f", "mpegts", $"udp://127.0.0.1:{port}?pkt_size=1316"])
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
    }

    /// <summary>When the first frame after <paramref name="after"/> whose peak passes <paramref name="test"/> was heard, or null.</summary>
    private static long? Since(List<(long At, float Peak)> heard, long after, Func<float, bool> test)
    {
        lock (heard)
            return heard.FirstOrDefault(h => h.At > after && test(h.Peak)) is { At: > 0 } found ? found.At : null;
    }

    private static int Count(List<(long At, float Peak)> heard, long from)
    {
        lock (heard)
            return heard.Count(h => h.At >= from && h.Peak > 0.05);
    }

    private static bool Wait(Func<bool> condition, double seconds) => SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds));
}
