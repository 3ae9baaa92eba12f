using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>A truncated or damaged clip is reported in FFmpeg's words, naming the file, not as a misread errno.</summary>
public sealed class FfmpegSourceErrorTests : IDisposable
{
    private const string InvalidData = "Invalid data found when processing input";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Four seconds of H.264 and AAC, its index at the front (faststart) or, as ffmpeg writes by default, at the end.</summary>
    private string Clip(string name, bool indexFirst)
    {
        string path = _folder.File(name);
        Ffmpeg.Run(["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine", "-t", "4",
            "-c:v", "libx264", "-c:a", "aac", .. indexFirst ? new[] { "-movflags", "+faststart" } : [], path]);
        return path;
    }

    [Fact]
    public void A_truncated_clip_is_invalid_data_naming_the_file()
    {
        string clip = Clip("cut.mp4", indexFirst: false);
        var bytes = File.ReadAllBytes(clip);
        File.WriteAllBytes(clip, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<PlayoutAvException>(() => new FfmpegSource(clip));

        Assert.Contains(clip, error.Message);
        Assert.Contains(InvalidData, error.Message);
    }

    [Fact]
    public void A_damaged_clip_fails_its_seek_or_read_as_invalid_data_not_operation_not_permitted()
    {
        string clip = Clip("damaged.mp4", indexFirst: true);
        var bytes = File.ReadAllBytes(clip);
        // The index survives; the media it points into is zeros.
        Array.Clear(bytes, 5000, 55000);
        File.WriteAllBytes(clip, bytes);
        using var source = new FfmpegSource(clip);
        source.SetVideoOutput(320, 240, "yuv422p10le");
        source.SetAudioOutput(2);
        using var picture = TestPicture.Yuv422P10(320, 240);
        var audio = new float[48000 * 2];

        var error = Assert.Throws<PlayoutAvException>(() =>
        {
            source.Seek(TimeSpan.FromSeconds(3));
            while (source.Read(picture.AsDestination(), audio, out _))
            {
            }
        });

        Assert.Contains(clip, error.Message);
        Assert.Contains(InvalidData, error.Message);
        Assert.DoesNotContain("Operation not permitted", error.Message);
    }
}
