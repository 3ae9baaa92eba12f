using Playout.Engine.Commands;
using Playout.Engine.Producers.Clips;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// Sound files (and, on a radio channel, any file's sound) play timed by their sound: every sample in order from the
/// first, over black, on every frame rate's cadence, with a last partial frame's sound kept and silence after it.
/// </summary>
public class SoundOnlyClipTests
{
    /// <summary>Sample n of <see cref="CountingSound"/>: n mod 32768 over 32768, exact in 16-bit PCM.</summary>
    private static float Count(long n) => n % 32768 / 32768f;

    /// <summary><paramref name="seconds"/> of stereo sound whose left sample n is <see cref="Count"/>(n), as 16-bit PCM in <paramref name="container"/>.</summary>
    private static string CountingSound(TempDirectory folder, string name, double seconds, params string[] video)
    {
        string path = folder.File(name);
        Ffmpeg.Run([.. video, "-f", "lavfi", "-i", $"aevalsrc='mod(n,32768)/32768|0':s=48000:d={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            "-c:a", "pcm_s16le", .. video.Length > 0 ? new[] { "-c:v", "ffv1", "-shortest" } : [], path]);
        return path;
    }

    [Theory]
    [InlineData("radio")]
    [InlineData("576i50")]
    [InlineData("720p59.94")]
    [InlineData("1080i59.94")]
    public void A_sound_file_plays_every_sample_in_order_and_its_last_partial_frame_before_silence(string format)
    {
        using var folder = new TempDirectory();
        // 1.01 s: not a whole number of frames at any rate, so the end is a partial frame.
        string wav = CountingSound(folder, "count.wav", 1.01);
        using var test = new TestChannel(format);
        test.Recorder.Inspect = (_, audio) => Left(audio.Samples, audio.Channels);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, wav))));
        int frames = (int)Math.Ceiling(1.01 * test.Context.Format.FrameRate.ToDouble());
        test.Channel.RunTicks(frames + 3);

        var left = test.Recorder.Frames.SelectMany(f => (float[])f.Inspected!).ToArray();
        long total = (long)Math.Round(1.01 * 48000);
        for (long n = 0; n < total; n++)
            Assert.True(left[n] == Count(n), $"{format}: sample {n} is {left[n]}, not {Count(n)}");
        Assert.All(left[(int)total..], s => Assert.Equal(0f, s));
        Assert.Equal(frames, test.Recorder.Frames.Count(f => ((float[])f.Inspected!).Any(s => s != 0)));
        Assert.Empty(test.Alarms.Active);
    }

    [Fact]
    public void In_and_out_points_of_a_sound_file_cut_its_sound_to_the_sample()
    {
        using var folder = new TempDirectory();
        string wav = CountingSound(folder, "count.wav", 1);
        using var test = new TestChannel("radio");
        test.Recorder.Inspect = (_, audio) => Left(audio.Samples, audio.Channels);
        var options = new ClipOptions(In: TimeSpan.FromSeconds(0.2), Out: TimeSpan.FromSeconds(0.61));
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, wav, options))));
        test.Channel.RunTicks(14);

        // 0.2 s to 0.61 s: samples 9600 to 29279, ten whole frames and a partial one, then silence.
        var left = test.Recorder.Frames.SelectMany(f => (float[])f.Inspected!).ToArray();
        Assert.Equal(Enumerable.Range(9600, 19680).Select(n => Count(n)), left.Take(19680));
        Assert.All(left.Skip(19680), s => Assert.Equal(0f, s));
        Assert.Equal(11, test.Recorder.Frames.Count(f => ((float[])f.Inspected!).Any(s => s != 0)));
    }

    [Fact]
    public void On_a_radio_channel_a_file_with_pictures_plays_its_sound_alone_without_decoding_the_pictures()
    {
        using var folder = new TempDirectory();
        string clip = CountingSound(folder, "video.mkv", 1, "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=1");
        var log = new LinesLogger();
        using var test = new TestChannel("radio", logger: log);
        test.Recorder.Inspect = (_, audio) => Left(audio.Samples, audio.Channels);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(26);

        var left = test.Recorder.Frames.SelectMany(f => (float[])f.Inspected!).ToArray();
        Assert.Equal(Enumerable.Range(0, 48000).Select(n => Count(n)), left.Take(48000));
        // FFmpeg opened the file without its video stream: the decoder had no picture to scale to 48x2.
        Assert.True(SpinWait.SpinUntil(() => log.Lines.Any(l => l.Contains("video.mkv") && l.Contains("no video")), TimeSpan.FromSeconds(5)),
            string.Join("\n", log.Lines));
        Assert.DoesNotContain(log.Lines, l => l.Contains("ffv1"));
    }

    [Fact]
    public void A_compressed_song_plays_for_its_length_in_frames_then_falls_silent()
    {
        using var folder = new TempDirectory();
        string mp3 = folder.File("tone.mp3");
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=f=440:r=48000:d=2", "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k", mp3);
        using var test = new TestChannel("radio");
        test.Recorder.Inspect = (_, audio) => Rms(Left(audio.Samples, audio.Channels));
        var clip = new ClipProducer(test.Context, mp3);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(clip)));
        test.Channel.RunTicks(2);
        // The encoder's delay and padding move the end by a frame at most (MP3 frames are 24 ms).
        Assert.InRange(clip.Length!.Value, 49, 51);
        test.Channel.RunTicks(58);

        var loudness = test.Recorder.Frames.Select(f => (double)f.Inspected!).ToArray();
        // lavfi's sine is at an eighth of full scale: an RMS of 0.088.
        int sounding = loudness.Count(r => r > 0.05);
        Assert.InRange(sounding, 48, 51);
        Assert.All(loudness.Skip(53), r => Assert.Equal(0, r));
    }

    private static float[] Left(ReadOnlySpan<float> samples, int channels)
    {
        var left = new float[samples.Length / channels];
        for (int i = 0; i < left.Length; i++)
            left[i] = samples[i * channels];
        return left;
    }

    private static double Rms(float[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));
}
