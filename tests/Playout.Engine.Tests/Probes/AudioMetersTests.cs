using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Engine.Tests.Probes;

/// <summary>The peak meters: each frame's sample peak and the PPM's type I ballistics (5 ms burst reads −2 dB, falls 20 dB in 1.7 s), at each rate's audio cadence.</summary>
public sealed class AudioMetersTests : IDisposable
{
    private readonly AlarmBoard _alarms = new(NullLogger.Instance);
    private ChannelContext _context = null!;
    private Frame _picture = null!;

    public AudioMetersTests() => Use("720p50");

    public void Dispose()
    {
        _picture.Release();
        _context.Dispose();
        _alarms.Dispose();
    }

    private void Use(string format)
    {
        _picture?.Release();
        _context?.Dispose();
        _context = new ChannelContext("c", VideoFormats.Parse(format), 8, 16, NullLogger.Instance, _alarms);
        _picture = _context.VideoPool.Rent();
        _picture.Commit();
    }

    /// <summary>One tick's sound at the format's cadence: <paramref name="level"/>(sample index in the frame, count) on channel 1, half of it on channel 2; returns the sample count.</summary>
    private int Tick(AudioMeters meters, long tick, Func<int, int, double> level)
    {
        var cadence = _context.Format.AudioCadence;
        int count = cadence[(int)(tick % cadence.Count)];
        var audio = _context.AudioPool.Rent();
        var samples = audio.Write(count);
        for (int i = 0; i < count; i++)
        {
            samples[i * audio.Channels] = (float)level(i, count);
            samples[i * audio.Channels + 1] = (float)(level(i, count) / 2);
        }
        audio.Commit();
        try
        {
            meters.Process(tick, _picture, audio);
        }
        finally
        {
            audio.Release();
        }
        return count;
    }

    [Theory]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    [InlineData("1080p29.97")]
    [InlineData("576i50")]
    public void A_5_ms_burst_reads_2_dB_under_its_level_and_the_ppm_falls_20_dB_in_1_7_s(string format)
    {
        Use(format);
        var meters = new AudioMeters();
        // Silence, then a 5 ms burst at −6 dBFS that ends with the frame.
        Tick(meters, 0, (_, _) => 0);
        Tick(meters, 1, (i, count) => i >= count - 240 ? 0.5 : 0);
        var burst = meters.Status!.Pairs[0];
        Assert.Equal((1L, "pair 1"), (meters.Status.Tick, burst.Name));
        Assert.Equal([-6.0, -12.0], burst.Peak);
        Assert.InRange(burst.Ppm[0], -8.2, -7.8);
        Assert.InRange(burst.Ppm[1], -14.2, -13.8);
        Assert.False(burst.Clip);

        // A steady −6 dBFS, then silence: linear in dB, 20 dB per 1.7 s of samples.
        for (long t = 2; t < 20; t++)
            Tick(meters, t, (_, _) => 0.5);
        Assert.Equal(-6.0, meters.Status.Pairs[0].Ppm[0], 1);
        int samples = 0;
        long tick = 20;
        while (samples < 1.7 * 48000)
            samples += Tick(meters, tick++, (_, _) => 0);
        double expected = -6 - 20 * samples / (1.7 * 48000);
        Assert.Equal(expected, meters.Status.Pairs[0].Ppm[0], 0.15);
        Assert.Equal([AudioMeters.Floor, AudioMeters.Floor], meters.Status.Pairs[0].Peak);
        Assert.Equal(8, meters.Status.Pairs.Count);
    }

    [Fact]
    public void A_sample_at_full_scale_sets_clip_for_that_frame_only()
    {
        var meters = new AudioMeters();
        Tick(meters, 0, (i, _) => i == 100 ? 1.0 : 0.1);
        Assert.Equal((true, 0.0), (meters.Status!.Pairs[0].Clip, meters.Status.Pairs[0].Peak[0]));
        Tick(meters, 1, (_, _) => 0.1);
        Assert.Equal((false, -20.0), (meters.Status.Pairs[0].Clip, meters.Status.Pairs[0].Peak[0]));
        Assert.Equal(AudioMeters.Floor, meters.Status.Pairs[1].Ppm[0]);
    }
}
