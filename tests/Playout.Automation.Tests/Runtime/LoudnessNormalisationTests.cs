using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Engine.Library;
using Playout.Media.Audio;
using Playout.Media.Audio.Loudness;
using Playout.Media.Frames;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Per-item loudness normalisation: the gain's rule, and what a channel actually airs with it.</summary>
public class LoudnessNormalisationTests
{
    private static readonly LoudnessNormalisation Ebu = new(Enabled: true);

    [Theory]
    [InlineData(-30.0, -12.0, -23.0, 7.0)]   // quiet: raised to the target
    [InlineData(-15.0, -2.0, -23.0, -8.0)]   // loud: lowered
    [InlineData(-30.0, -4.0, -23.0, 3.0)]    // quiet but peaky: the -1 dBTP ceiling allows only +3 dB
    [InlineData(-30.0, -12.0, -24.0, 6.0)]   // ATSC A/85's -24 LKFS
    public void The_gain_reaches_the_target_but_never_lifts_the_true_peak_over_the_ceiling(double integrated, double truePeak, double target, double gain)
    {
        var normalisation = Ebu with { Target = target };
        Assert.Equal(gain, normalisation.GainDecibels(new MediaLoudness(integrated, truePeak)), 9);
        Assert.Equal(Math.Pow(10, gain / 20), normalisation.Gain(new MediaLoudness(integrated, truePeak)), 9);
    }

    [Fact]
    public void Off_unmeasured_or_silent_clips_play_as_recorded()
    {
        var loud = new MediaLoudness(-10, -0.5);
        Assert.Equal(0, LoudnessNormalisation.Off.GainDecibels(loud));
        Assert.Equal(0, Ebu.GainDecibels(null));
        Assert.Equal(0, Ebu.GainDecibels(new MediaLoudness(double.NegativeInfinity, double.NegativeInfinity)));
        Assert.Equal(1, Ebu.Gain(null));
        Assert.Equal(-23.0, new LoudnessNormalisation().Target);
        Assert.Equal(-1.0, new LoudnessNormalisation().Ceiling);
        Assert.False(new LoudnessNormalisation().Enabled);
    }

    /// <summary>
    /// Two clips measured by the library's probe, aired back to back on a normalising 720p50 channel and metered
    /// from its output: a quiet one airs at −23 LUFS; a quiet but peaky one airs with its true peak at the −1 dBTP
    /// ceiling, below the target.
    /// </summary>
    [Fact]
    public void A_quiet_clip_airs_at_the_target_and_a_peaky_one_at_the_ceiling()
    {
        using var folder = new TempDirectory();
        string quiet = MakeClip(folder, "quiet.mkv", "0.05*(random(0)-0.5)");
        string peaky = MakeClip(folder, "peaky.mkv", "0.05*(random(0)-0.5)+0.6*lt(mod(t,2),0.001)*sin(2*PI*11000*t+0.6)");
        var measured = new[] { quiet, peaky }.ToDictionary(path => path, path => MediaProbe.Probe(path).Loudness!);
        Assert.True(measured[quiet].Integrated < -27, $"the quiet clip measures {measured[quiet]}");
        Assert.True(measured[peaky].TruePeak - -1 < Ebu.Target - measured[peaky].Integrated, $"the peaky clip measures {measured[peaky]}");

        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), "720p50", ScheduleSettings.Default,
            videoFrames: 64, patience: TimeSpan.FromSeconds(3), loudness: Ebu, measured: path => measured.GetValueOrDefault(path));
        channel.Load(new DaySchedule(new DateOnly(2026, 11, 24), [
            new PrimaryEvent("quiet", PrimaryKind.Clip, quiet, Timing: TimingMode.Fixed, Start: TimeSpan.FromHours(6) + TimeSpan.FromSeconds(3),
                Duration: TimeSpan.FromSeconds(ClipSeconds)),
            new PrimaryEvent("peaky", PrimaryKind.Clip, peaky, Timing: TimingMode.Follow, Duration: TimeSpan.FromSeconds(ClipSeconds)),
        ]));
        var starts = channel.Automation.Plan.Items.Where(i => i.Event.Id is "quiet" or "peaky").ToDictionary(i => i.Event.Id, i => i.Start!.Value);
        int frames = ClipSeconds * 50;
        var meter = new AiredLoudness(new() { [starts["quiet"]] = new(ChannelLayout.Pair(0)), [starts["peaky"]] = new(ChannelLayout.Pair(0)) }, frames);
        channel.Channel.AddConsumer(meter);

        channel.RunUntil(starts["peaky"] + frames + 5);

        var airedQuiet = meter.Reading(starts["quiet"]);
        var airedPeaky = meter.Reading(starts["peaky"]);
        Assert.InRange(airedQuiet.Integrated, -23.3, -22.7);
        Assert.InRange(airedPeaky.TruePeak, -1.4, -0.8);
        Assert.True(airedPeaky.Integrated < -24, $"the peaky clip aired at {airedPeaky.Integrated} LUFS");
        Assert.Equal(measured[peaky].Integrated + (-1 - measured[peaky].TruePeak), airedPeaky.Integrated, 0.3);
    }

    private const int ClipSeconds = 8;

    /// <summary>A small FFV1 picture with 48 kHz stereo PCM sound of <paramref name="sound"/> (an aevalsrc expression, both channels).</summary>
    private static string MakeClip(TempDirectory folder, string name, string sound)
    {
        string path = folder.File(name);
        Ffmpeg.Run("-f", "lavfi", "-i", $"color=c=gray:s=64x36:r=50:d={ClipSeconds}", "-f", "lavfi",
            "-i", $"aevalsrc=exprs='{sound}|{sound}':s=48000:d={ClipSeconds}",
            "-c:v", "ffv1", "-c:a", "pcm_s24le", "-shortest", path);
        return path;
    }

    /// <summary>Meters the programme's first pair, one meter per clip over the <c>frames</c> ticks from its start tick.</summary>
    private sealed class AiredLoudness(Dictionary<long, LoudnessMeter> meters, int frames) : IConsumer
    {
        public string Name => "aired loudness";
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => new(0, 0);

        public LoudnessReading Reading(long start) => meters[start].Reading;

        public void Send(long tick, Frame video, AudioFrame audio)
        {
            foreach (var (start, meter) in meters)
                if (tick >= start && tick < start + frames)
                    meter.Add(audio.Samples);
        }

        public void Dispose()
        {
        }
    }
}
