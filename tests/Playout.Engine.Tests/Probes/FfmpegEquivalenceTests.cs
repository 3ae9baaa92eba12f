using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.TestSupport;
using Xunit.Abstractions;

namespace Playout.Engine.Tests.Probes;

/// <summary>
/// Our detectors, with their default settings (and so the default subsampling), find the same black, freeze and
/// silence episodes as FFmpeg's blackdetect, freezedetect and silencedetect on the same clip, start and end within one
/// frame, with the clip decoded and played through a channel as on air.
/// </summary>
public class FfmpegEquivalenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("720p50", 1280, 720, "50")]
    [InlineData("1080i50", 1920, 1080, "25")]
    [InlineData("1080i59.94", 1920, 1080, "30000/1001")]
    public void Black_freeze_and_silence_start_and_end_within_a_frame_of_ffmpeg(string format, int width, int height, string rate)
    {
        using var folder = new TempDirectory();
        string clip = ProbeClips.Make(folder, width, height, rate);
        var expected = ProbeClips.FfmpegEpisodes(clip);
        var actual = Play(format, clip);

        double frame = VideoFormats.Parse(format).FrameDuration.ToDouble();
        string Show(IEnumerable<Episode> episodes) => string.Join("; ", episodes.Select(e => $"{e.Kind} {e.Start:0.000}–{e.End:0.000}"));
        string both = $"FFmpeg: {Show(expected)}\nours:   {Show(actual)}";
        output.WriteLine(both);
        // The clip has every kind: the comparison below is not vacuous.
        Assert.True(expected.Select(e => e.Kind).Distinct().Count() == 3, both);
        foreach (var kind in Enum.GetValues<ProbeKind>())
        {
            var ours = actual.Where(e => e.Kind == kind).ToList();
            var theirs = expected.Where(e => e.Kind == kind).ToList();
            Assert.True(ours.Count == theirs.Count, both);
            foreach (var (a, b) in ours.Zip(theirs))
                Assert.True(Math.Abs(a.Start - b.Start) <= frame + 1e-3 && Math.Abs(a.End - b.End) <= frame + 1e-3, both);
        }
    }

    /// <summary>Plays the clip from tick 0 on a channel of the format, its frames through <see cref="ProgrammeProbes"/> on the tick thread.</summary>
    private static List<Episode> Play(string format, string clip)
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("channel 1", VideoFormats.Parse(format), 48, 96, NullLogger.Instance, alarms);
        var episodes = new List<Episode>();
        var origin = DateTimeOffset.UnixEpoch;
        double Seconds(DateTimeOffset? time) => ((time ?? origin + TimeSpan.FromSeconds(ProbeClips.Seconds)) - origin).TotalSeconds;
        var probes = new ProgrammeProbes(context, new ProbeSettings(), tick => origin + context.Format.TimeOf(tick));
        probes.Subscribe(e =>
        {
            if (!e.IsOpen)
                episodes.RemoveAll(x => x.Kind == e.Kind && x.Start == Seconds(e.StartTime));
            episodes.Add(new Episode(e.Kind, Seconds(e.StartTime), Seconds(e.EndTime)));
        });
        using (var channel = new Channel(context, new UnthrottledClock(context.Format.FrameRate, TimeSpan.FromSeconds(5)), SyntheticProducers.Color(context, "black")))
        {
            channel.AddConsumer(new Inline(probes));
            var producer = new ClipProducer(context, clip);
            Assert.True(SpinWait.SpinUntil(() => producer.IsReady, TimeSpan.FromSeconds(20)), "the clip did not pre-roll");
            channel.Execute(StageCommands.Load(1, producer));
            channel.RunTicks(context.Format.FrameIndexAt(TimeSpan.FromSeconds(ProbeClips.Seconds)));
        }
        return [.. episodes.OrderBy(e => e.Start)];
    }

    /// <summary>Runs the probes on the tick thread itself, so every frame is seen (the real consumer may drop).</summary>
    private sealed class Inline(IProgrammeProbe probe) : IConsumer
    {
        public string Name => "inline probes";
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => default;
        public void Send(long tick, Frame video, AudioFrame audio) => probe.Process(tick, video, audio);
        public void Dispose()
        {
        }
    }
}
