using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>NoVideo: a clip's sound alone, its pictures neither decoded nor asked an output for (as loudness measurement reads files).</summary>
public sealed class FfmpegSourceNoVideoTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_clip_opened_without_video_delivers_all_its_sound_and_no_picture()
    {
        string clip = _folder.File("clip.mkv");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3", "-f", "lavfi", "-i", "sine=sample_rate=44100:duration=3",
            "-ac", "2", "-c:v", "libx264", "-c:a", "pcm_s16le", clip);
        using var source = new FfmpegSource(clip, flags: FfmpegSourceFlags.NoVideo);
        source.SetAudioOutput(2);
        var audio = new float[4800 * 2];

        long samples = 0;
        while (source.Read(default, audio, out var read))
        {
            Assert.Equal(FfmpegReadKind.Audio, read.Kind);
            samples += read.AudioSamples;
        }

        Assert.False(source.Info.HasVideo);
        Assert.Equal(2, source.Info.AudioChannels);
        // Three seconds resampled to 48 kHz.
        Assert.InRange(samples, 3 * 48000 - 100, 3 * 48000 + 100);
    }

    [Fact]
    public void A_file_with_only_pictures_has_nothing_to_decode_without_video()
    {
        string pictures = _folder.File("pictures.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-c:v", "libx264", pictures);

        var error = Assert.Throws<PlayoutAvException>(() => new FfmpegSource(pictures, flags: FfmpegSourceFlags.NoVideo));

        Assert.Equal(PlayoutAvException.NoStream, error.ErrorCode);
        Assert.Contains(pictures, error.Message);
    }
}
