using Playout.Media.Formats;

namespace Playout.Benchmarks;

/// <summary>
/// The density benchmark's media, made with the ffmpeg command line: a 1080i50 H.264 clip as a broadcaster's server
/// holds them (interlaced, top field first, 8 Mb/s, stereo AAC) and a 200×80 logo with alpha.
/// </summary>
public static class DensityMedia
{
    public static (string Clip, string Logo) Make(string folder, int seconds = 20)
    {
        string clip = Path.Combine(folder, "clip-1080i50.mp4"), logo = Path.Combine(folder, "logo.png");
        ExternalProgram.Run("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate={VideoFormat.AudioSampleRate}:duration={seconds},aformat=channel_layouts=stereo",
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M", "-pix_fmt", "yuv420p", "-flags", "+ildct+ilme", "-x264opts", "tff=1",
            "-field_order", "tt", "-c:a", "aac", "-shortest", clip);
        ExternalProgram.Run("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", "color=c=0x1060C0@0.8:s=200x80,format=rgba", "-frames:v", "1", logo);
        return (clip, logo);
    }
}
