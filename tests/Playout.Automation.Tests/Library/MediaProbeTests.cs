using Playout.Engine.Library;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

public class MediaProbeTests(TestMedia media) : IClassFixture<TestMedia>
{
    [Fact]
    public void A_clip_reports_what_ffmpeg_made()
    {
        var result = MediaProbe.Probe(media.Clip);

        Assert.True(result.IsPlayable, result.Error);
        var info = result.Info!;
        Assert.Equal(2.0, info.Duration!.Value.TotalSeconds, 0.1);
        Assert.True(info.HasVideo);
        Assert.Equal((320, 180), (info.Width, info.Height));
        Assert.Equal(new Rational(25), info.FrameRate);
        Assert.False(info.Interlaced);
        Assert.Equal("h264", info.VideoCodec);
        Assert.Equal((2, 48000, "aac"), (info.AudioChannels, info.AudioSampleRate, info.AudioCodec));
    }

    [Fact]
    public void Loudness_and_true_peak_of_a_clips_sound_are_measured_unless_turned_off()
    {
        using var folder = new TempDirectory();
        // A 1 kHz stereo sine at -20 dBFS measures -20 LUFS (as EBU Tech 3341 case 1 at -23), its true peak -20 dBTP.
        string clip = folder.File("tone.mkv");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3",
            "-f", "lavfi", "-i", "aevalsrc=exprs='0.1*sin(2*PI*1000*t)|0.1*sin(2*PI*1000*t)':s=48000:d=3",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "pcm_s24le", "-shortest", clip);

        var loudness = MediaProbe.Probe(clip).Loudness!;

        Assert.InRange(loudness.Integrated, -20.1, -19.9);
        Assert.InRange(loudness.TruePeak, -20.2, -19.8);
        Assert.Null(MediaProbe.Probe(clip, measureLoudness: false).Loudness);
    }

    [Fact]
    public void A_songs_silent_lead_in_closing_fade_and_silent_tail_become_its_cue_in_segue_and_cue_out()
    {
        using var folder = new TempDirectory();
        // 0.5 s of silence, 4 s at -10 dBFS, a 2 s fade at -30 dBFS, 1 s of silence.
        string song = folder.File("song.wav");
        Ffmpeg.Run("-f", "lavfi", "-i", "aevalsrc=exprs='sin(2*PI*440*t)*(0.316*between(t,0.5,4.4999)+0.0316*between(t,4.5,6.4999))':s=48000:d=7.5",
            "-ac", "2", "-c:a", "pcm_s24le", song);

        var markers = MediaProbe.Probe(song).Markers!;

        Assert.Equal(TimeSpan.FromSeconds(0.5), markers.CueIn);
        Assert.Equal(TimeSpan.FromSeconds(4.5), markers.Segue);
        Assert.Equal(TimeSpan.FromSeconds(6.5), markers.CueOut);
        Assert.Null(markers.Intro);
    }

    [Fact]
    public void A_file_without_sound_has_no_loudness()
    {
        using var folder = new TempDirectory();
        string pictures = folder.File("pictures.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", pictures);

        var result = MediaProbe.Probe(pictures);

        Assert.True(result.IsPlayable, result.Error);
        Assert.Null(result.Loudness);
    }

    [Fact]
    public void The_thumbnail_is_a_jpeg_192_wide_keeping_the_aspect()
    {
        using var folder = new TempDirectory();
        var result = MediaProbe.Probe(media.Clip);

        Assert.Equal("mjpeg,192,108", Describe(folder.Write("thumb.jpg", result.Thumbnail!)));
    }

    [Fact]
    public void An_anamorphic_interlaced_file_reports_its_scan_and_gets_a_16_by_9_thumbnail()
    {
        using var folder = new TempDirectory();
        var result = MediaProbe.Probe(media.Interlaced);

        Assert.True(result.IsPlayable, result.Error);
        var info = result.Info!;
        Assert.True(info.Interlaced);
        Assert.Equal((720, 576, "mpeg2video"), (info.Width, info.Height, info.VideoCodec));
        Assert.Equal((1, 48000), (info.AudioChannels, info.AudioSampleRate));
        Assert.Equal("mjpeg,192,108", Describe(folder.Write("thumb.jpg", result.Thumbnail!)));
    }

    [Fact]
    public void Sound_only_is_playable_without_a_thumbnail()
    {
        var result = MediaProbe.Probe(media.Sound);

        Assert.True(result.IsPlayable, result.Error);
        Assert.False(result.Info!.HasVideo);
        Assert.Equal((6, 44100), (result.Info.AudioChannels, result.Info.AudioSampleRate));
        Assert.Equal(1.0, result.Info.Duration!.Value.TotalSeconds, 0.05);
        Assert.Null(result.Thumbnail);
    }

    [Fact]
    public void Garbage_is_unplayable_with_ffmpegs_error_not_an_exception()
    {
        var result = MediaProbe.Probe(media.Broken);

        Assert.False(result.IsPlayable);
        Assert.Contains("Invalid data", result.Error);
        Assert.Contains("broken.mp4", result.Error);
        Assert.Null(result.Thumbnail);
    }

    [Fact]
    public void A_missing_file_is_unplayable_naming_it()
    {
        var result = MediaProbe.Probe("/nonexistent/gone.mxf");

        Assert.False(result.IsPlayable);
        Assert.Contains("gone.mxf", result.Error);
    }

    /// <summary>"codec,width,height" of a picture file, as ffprobe reads it.</summary>
    private static string Describe(string path) =>
        ExternalTool.Run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", path]).Trim();
}
