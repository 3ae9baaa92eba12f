using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

/// <summary>
/// Real media made once per test class with the ffmpeg command line, with known properties; tests copy them into
/// folders of their own.
/// </summary>
public sealed class TestMedia : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestMedia()
    {
        // 2 s of 320x180 at 25 fps, H.264 + stereo AAC at 48 kHz.
        Clip = _folder.File("clip.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=sample_rate=48000:duration=2",
            "-ac", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Clip);
        // 1 s of 576i25 MPEG-2 (top field first, 16:9 anamorphic) + mono MP2 in MPEG-TS, as SD archives hold.
        Interlaced = _folder.File("interlaced.ts");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=720x576:rate=25:duration=1", "-f", "lavfi", "-i", "sine=sample_rate=48000:duration=1",
            "-vf", "setsar=64/45,setfield=tff", "-c:v", "mpeg2video", "-flags", "+ildct+ilme", "-top", "1", "-c:a", "mp2", "-ac", "1", Interlaced);
        // 1 s of 6-channel 44.1 kHz PCM, no pictures.
        Sound = _folder.File("sound.wav");
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=sample_rate=44100:duration=1", "-ac", "6", "-c:a", "pcm_s16le", Sound);
        // Not media at all, named like it.
        Broken = _folder.Write("broken.mp4", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 >> 3)).ToArray());
    }

    public string Clip { get; }
    public string Interlaced { get; }
    public string Sound { get; }
    public string Broken { get; }

    /// <summary>Copies one of the files into <paramref name="folder"/> under <paramref name="name"/>; returns the copy's path.</summary>
    public static string CopyTo(string file, string folder, string name)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(file, path, overwrite: true);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
