using Playout.Media.Formats;

namespace Playout.Media.Tests.Formats;

public class VideoFormatTimingTests
{
    public static TheoryData<string> Names => [.. VideoFormats.All.Select(f => f.Name)];

    [Fact]
    public void Frame_duration_is_the_exact_reciprocal_of_the_frame_rate()
    {
        Assert.Equal(new Rational(1001, 30000), VideoFormats.Parse("1080i59.94").FrameDuration);
        Assert.Equal(new Rational(1, 25), VideoFormats.Parse("1080i50").FrameDuration);
    }

    [Fact]
    public void A_1001_rate_lands_on_whole_seconds_every_1001_seconds()
    {
        var format = VideoFormats.Parse("1080p29.97");
        Assert.Equal(TimeSpan.FromSeconds(1001), format.TimeOf(30000));
        Assert.Equal(30000, format.FrameIndexAt(TimeSpan.FromSeconds(1001)));
        Assert.Equal(29999, format.FrameIndexAt(TimeSpan.FromSeconds(1001) - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void A_day_of_59_94_does_not_drift()
    {
        var format = VideoFormats.Parse("2160p59.94");
        var day = TimeSpan.FromDays(1);
        Assert.Equal((long)day.TotalSeconds * 60000 / 1001, format.FrameIndexAt(day));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_frame_starts_at_the_time_of_it(string name)
    {
        var format = VideoFormats.Parse(name);
        foreach (var frame in new long[] { 1, 2, 3, 4, 5, 6, 1000, 1001, 5_178_816, 100_000_000 })
        {
            var start = format.TimeOf(frame);
            Assert.Equal(frame, format.FrameIndexAt(start));
            Assert.Equal(frame - 1, format.FrameIndexAt(start - TimeSpan.FromTicks(1)));
        }
        Assert.Equal(TimeSpan.Zero, format.TimeOf(0));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_audio_cadence_carries_exactly_48_kHz_over_its_cycle(string name)
    {
        var format = VideoFormats.Parse(name);
        long cycle = format.AudioCadence.Count;
        // sum / (cycle / rate) == 48000  <=>  sum * num == 48000 * den * cycle
        Assert.Equal(48000 * format.FrameRate.Denominator * cycle, format.AudioCadence.Sum() * format.FrameRate.Numerator);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Audio_never_drifts_a_whole_sample_from_the_video(string name)
    {
        var format = VideoFormats.Parse(name);
        long samples = 0;
        for (long frame = 1; frame <= 20; frame++)
        {
            samples += format.AudioSamplesForFrame(frame - 1);
            // |samples - frame * 48000 / rate| < 1, in integers
            var error = samples * format.FrameRate.Numerator - frame * 48000 * format.FrameRate.Denominator;
            Assert.True(Math.Abs(error) < format.FrameRate.Numerator, $"{name}: {samples} samples after {frame} frames");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_frames_first_audio_sample_is_the_cadence_summed_before_it(string name)
    {
        var format = VideoFormats.Parse(name);
        long samples = 0;
        for (long frame = 0; frame < 30; samples += format.AudioSamplesForFrame(frame++))
            Assert.Equal(samples, format.FirstAudioSample(frame));
        long far = 3_000_000_000, cycle = format.AudioCadence.Count;
        far -= far % cycle;
        Assert.Equal(far / cycle * format.AudioCadence.Sum() + format.AudioCadence[0], format.FirstAudioSample(far + 1));
    }

    [Theory]
    [InlineData("1080p23.98", 2002)]
    [InlineData("1080p24", 2000)]
    [InlineData("576i50", 1920)]
    [InlineData("1080p25", 1920)]
    [InlineData("1080p30", 1600)]
    [InlineData("720p50", 960)]
    [InlineData("4320p60", 800)]
    public void Rates_that_divide_48_kHz_have_one_value(string name, int samples) =>
        Assert.Equal([samples], VideoFormats.Parse(name).AudioCadence);

    [Theory]
    [InlineData("480i59.94")]
    [InlineData("1080i59.94")]
    [InlineData("1080p29.97")]
    [InlineData("2160p29.97-pq")]
    public void Rates_of_29_97_follow_the_smpte_st_299_five_frame_sequence(string name) =>
        Assert.Equal([1602, 1601, 1602, 1601, 1602], VideoFormats.Parse(name).AudioCadence);

    [Theory]
    [InlineData("720p59.94")]
    [InlineData("1080p59.94")]
    [InlineData("4320p59.94-hlg")]
    public void Rates_of_59_94_split_each_29_97_frame_of_the_st_299_sequence_in_two(string name)
    {
        var format = VideoFormats.Parse(name);
        Assert.Equal(5, format.AudioCadence.Count);
        Assert.Equal(4004, format.AudioCadence.Sum());
        int[] st299 = [1602, 1601, 1602, 1601, 1602];
        for (var frame = 0; frame < 5; frame++)
            Assert.Equal(st299[frame], format.AudioSamplesForFrame(2 * frame) + format.AudioSamplesForFrame(2 * frame + 1));
    }

    [Fact]
    public void The_cadence_repeats_for_ever()
    {
        var format = VideoFormats.Parse("1080i59.94");
        for (var i = 0; i < 5; i++)
            Assert.Equal(format.AudioCadence[i], format.AudioSamplesForFrame(5_000_000_000 + i));
        Assert.Throws<ArgumentOutOfRangeException>(() => format.AudioSamplesForFrame(-1));
    }
}
