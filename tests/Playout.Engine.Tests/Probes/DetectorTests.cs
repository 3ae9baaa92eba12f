using Playout.Engine.Probes;

namespace Playout.Engine.Tests.Probes;

/// <summary>The detectors' FFmpeg arithmetic and when they open and close episodes.</summary>
public class DetectorTests
{
    private static readonly ProbeSettings Everything = new() { LineStep = 1, GroupStep = 1 };

    [Fact]
    public void A_pixel_is_black_at_151_and_not_at_152_as_blackdetect_computes_for_10_bit_limited_range()
    {
        using var frames = new ProbeFrames();
        var black = new BlackDetector(frames.Format, Everything);
        Assert.Equal(151, black.Threshold);
        foreach (var (luma, ratio) in new (ushort, double)[] { (151, 1), (152, 0) })
        {
            var picture = frames.Picture(luma);
            Assert.Equal(ratio, black.BlackRatio(picture));
            picture.Release();
        }
        // 64 + 0.2 · 219 · 4 = 239.2, truncated.
        Assert.Equal(239, new BlackDetector(frames.Format, Everything with { Black = new(PixelThreshold: 0.2) }).Threshold);
    }

    [Theory]
    [InlineData(0.98, true)]
    [InlineData(0.985, false)]
    public void A_picture_is_black_from_the_picture_ratio_on(double ratio, bool black)
    {
        using var frames = new ProbeFrames();
        var detector = new BlackDetector(frames.Format, Everything with { Black = new(PictureRatio: ratio, Seconds: 0) });
        // 98.06 % of the lines black (706 of 720), the rest bright.
        var picture = frames.Picture(940, darkLines: 706);
        var log = new ProbeLog();
        detector.Process(0, picture, log);
        picture.Release();
        Assert.Equal(black, log.Entries.Count == 1);
    }

    [Fact]
    public void Black_opens_when_it_has_lasted_the_time_reporting_its_first_frame_and_closes_at_the_first_picture()
    {
        using var frames = new ProbeFrames("720p50");
        var detector = new BlackDetector(frames.Format, new ProbeSettings { Black = new(Seconds: 0.1) });
        var log = new ProbeLog();
        // 4 black frames (80 ms: too short), a picture, then 5 black (100 ms: long enough), a picture.
        int[] lumas = [64, 64, 64, 64, 500, 64, 64, 64, 64, 64, 500];
        for (int tick = 0; tick < lumas.Length; tick++)
        {
            var picture = frames.Picture((ushort)lumas[tick]);
            detector.Process(100 + tick, picture, log);
            picture.Release();
            if (tick == 8)
                Assert.Empty(log.Entries);
            if (tick == 9)
                Assert.Equal([("opened", ProbeKind.Black, new ProbeEdge(105))], log.Entries);
        }
        Assert.Equal(("closed", ProbeKind.Black, new ProbeEdge(110)), log.Entries[^1]);
    }

    [Fact]
    public void A_freeze_is_measured_against_the_first_picture_of_the_run_so_a_slow_drift_ends_it()
    {
        using var frames = new ProbeFrames("720p50");
        var detector = new FreezeDetector(frames.Format, Everything with { Freeze = new(Seconds: 0.1) });
        var log = new ProbeLog();
        // Each picture is one code (0.001 of full scale is 1.024 codes) above the one before: always within the noise
        // of its neighbour, but the second step leaves the reference's. A repeated picture then freezes for good.
        ushort[] lumas = [500, 500, 500, 500, 500, 500, 501, 502, 502, 502, 502, 502, 502];
        for (int tick = 0; tick < lumas.Length; tick++)
        {
            var picture = frames.Picture(lumas[tick]);
            detector.Process(tick, picture, log);
            picture.Release();
        }
        Assert.Equal([("opened", ProbeKind.Freeze, new ProbeEdge(0)), ("closed", ProbeKind.Freeze, new ProbeEdge(7)),
            ("opened", ProbeKind.Freeze, new ProbeEdge(7))], log.Entries);
    }

    [Fact]
    public void Silence_starts_at_its_first_quiet_sample_and_ends_at_the_first_loud_one_on_any_channel()
    {
        using var frames = new ProbeFrames("720p50");
        var detector = new SilenceDetector(new ProbeSettings { Silence = new(Seconds: 0.05) });
        var log = new ProbeLog();
        const float loud = 0.001f, quiet = 0.000999f;
        // Tick 0: loud up to sample 480, quiet after; ticks 1–2 quiet (50 ms is 2400 samples: 480 + 960 + 960);
        // tick 3: channel 15 of sample 7 is loud.
        Feed(0, frames.Sound(960, loud, s => s[(480 * 16)..].Fill(quiet)));
        Feed(1, frames.Sound(960, -quiet));
        Assert.Empty(log.Entries);
        Feed(2, frames.Sound(960, quiet));
        Assert.Equal([("opened", ProbeKind.Silence, new ProbeEdge(0, 480))], log.Entries);
        Feed(3, frames.Sound(960, quiet, s => s[7 * 16 + 15] = -loud));
        Assert.Equal(("closed", ProbeKind.Silence, new ProbeEdge(3, 7)), log.Entries[^1]);
        // NaN is not quiet (FFmpeg's −level < x < level test fails for it).
        Feed(4, frames.Sound(960, 0));
        Feed(5, frames.Sound(960, 0));
        Assert.Equal(("opened", ProbeKind.Silence, new ProbeEdge(3, 8)), log.Entries[^1]);
        Feed(6, frames.Sound(960, 0, s => s[3] = float.NaN));
        Assert.Equal(("closed", ProbeKind.Silence, new ProbeEdge(6, 0)), log.Entries[^1]);

        void Feed(long tick, Media.Audio.AudioFrame audio)
        {
            detector.Process(tick, audio, log);
            audio.Release();
        }
    }

    [Fact]
    public void Silence_shorter_than_a_frame_is_found_between_loud_samples_of_one_frame()
    {
        using var frames = new ProbeFrames("720p50");
        var detector = new SilenceDetector(new ProbeSettings { Silence = new(Seconds: 0.001) });
        var log = new ProbeLog();
        // 48 samples is 1 ms: a quiet stretch of 100 samples from 200, loud again at 300.
        var audio = frames.Sound(960, 0.5f, s => s[(200 * 16)..(300 * 16)].Clear());
        detector.Process(0, audio, log);
        audio.Release();
        Assert.Equal([("opened", ProbeKind.Silence, new ProbeEdge(0, 200)), ("closed", ProbeKind.Silence, new ProbeEdge(0, 300))], log.Entries);
    }

    [Fact]
    public void Default_sampling_reads_both_fields_about_360_lines_and_80_groups_across()
    {
        Assert.All(Media.Formats.VideoFormats.All, format =>
        {
            int step = ProbeSettings.DefaultLineStep(format);
            Assert.True(step % 2 == 1, $"{format}: step {step} reads one field only");
            Assert.InRange((format.Height + step - 1) / step, 240, 720);
            Assert.InRange(Media.Kernels.LumaProbe.SampledGroups(format.Width, ProbeSettings.DefaultGroupStep(format)), 80, 120);
        });
    }
}
