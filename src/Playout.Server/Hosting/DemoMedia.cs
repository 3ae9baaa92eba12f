using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Playout.Server.Hosting;

/// <summary>
/// The demo's media set, made with the ffmpeg command line on first run: three clips of different sizes, rates and
/// containers (each with burnt-in timecode and a tone of its own pitch) and a logo with alpha; for the radio channel
/// (radio/), three songs in three codecs, each with a silent lead-in and a closing fade the library's scan finds as its
/// cue-in and segue, a jingle, and a fallback bed. Existing files are kept.
/// </summary>
public static class DemoMedia
{
    private static readonly (string File, string[] Arguments)[] Files =
    [
        ("clip1.mp4", Clip("1920x1080", 25, 440, "CLIP 1 1080p25 H.264", ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac"])),
        ("clip2.mov", Clip("1280x720", 50, 660, "CLIP 2 720p50 H.264 + PCM", ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le"])),
        ("clip3.mkv", Clip("720x576", 25, 880, "CLIP 3 576 4x3 MPEG-2", ["-c:v", "mpeg2video", "-q:v", "3", "-aspect", "4:3", "-c:a", "mp2"])),
        ("logo.png", ["-f", "lavfi", "-i", "color=c=0x1060C0@0.8:s=200x80,format=rgba," +
            "drawtext=text='PLAYOUT':fontcolor=white:fontsize=36:x=(w-text_w)/2:y=(h-text_h)/2", "-frames:v", "1"]),
        ("radio/song-a.mp3", Song([220, 277.18, 329.63], 32, ["-c:a", "libmp3lame", "-b:a", "192k"])),
        ("radio/song-b.m4a", Song([196, 246.94, 293.66], 28, ["-c:a", "aac", "-b:a", "160k"])),
        ("radio/song-c.flac", Song([174.61, 220, 261.63], 30, ["-c:a", "flac"])),
        ("radio/jingle.wav", ["-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*(660+220*floor(t*4))*t)*lt(t,3)':s=48000:d=3.2",
            "-ac", "2", "-c:a", "pcm_s16le"]),
        ("radio/fallback/bed.wav", ["-f", "lavfi", "-i", "aevalsrc=exprs='0.08*(sin(2*PI*110*t)+sin(2*PI*165*t))':s=48000:d=60",
            "-ac", "2", "-c:a", "pcm_s16le"]),
    ];

    /// <summary>Makes whatever of the demo set is missing in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">ffmpeg is missing or failed; the message carries its error.</exception>
    public static void Ensure(string folder, ILogger logger)
    {
        foreach (var (file, arguments) in Files)
        {
            string path = Path.Combine(folder, file);
            if (File.Exists(path))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            logger.LogInformation("making demo media {Path}", path);
            Run(arguments, path);
        }
    }

    private static string[] Clip(string size, int rate, int tone, string title, string[] codec) =>
    [
        "-f", "lavfi", "-i", $"testsrc2=size={size}:rate={rate}:duration=10," +
            $"drawtext=text='{title}':fontcolor=white:fontsize=h/14:box=1:boxcolor=black@0.6:x=(w-text_w)/2:y=h/6," +
            $"drawtext=timecode='00\\:00\\:00\\:00':rate={rate}:fontcolor=yellow:fontsize=h/10:box=1:boxcolor=black@0.6:x=(w-text_w)/2:y=h*2/3",
        // About -23 LUFS once on air (EBU R128's target), so the demo is not a loudness alarm.
        "-f", "lavfi", "-i", $"sine=frequency={tone}:sample_rate=48000:duration=10,volume=-1.5dB,aformat=channel_layouts=stereo",
        "-shortest", .. codec,
    ];

    /// <summary>
    /// A chord of <paramref name="notes"/> pulsing twice a second for <paramref name="seconds"/>: half a second of silence,
    /// then the chord, fading out over its last 8 s (its last 2 s are more than 12 dB down: the library's segue point).
    /// </summary>
    private static string[] Song(double[] notes, int seconds, string[] codec)
    {
        string chord = string.Join("+", notes.Select(n => $"sin(2*PI*{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}*t)"));
        string envelope = $"gt(t,0.5)*(0.6+0.4*abs(sin(2*PI*t)))*min(1,({seconds}-t)/8)";
        return ["-f", "lavfi", "-i", $"aevalsrc=exprs='0.12*({chord})*{envelope}':s=48000:d={seconds}", "-ac", "2", .. codec];
    }

    private static void Run(string[] arguments, string output)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output));
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments, "-f", FormatOf(output), temporary])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            File.Delete(temporary);
            throw new InvalidOperationException($"ffmpeg could not make {output}: {errors.Trim()}");
        }
        File.Move(temporary, output, overwrite: true);
    }

    private static string FormatOf(string file) => Path.GetExtension(file) switch
    {
        ".mp4" => "mp4",
        ".mov" => "mov",
        ".mkv" => "matroska",
        ".mp3" => "mp3",
        ".m4a" => "ipod",
        ".flac" => "flac",
        ".wav" => "wav",
        _ => "image2",
    };
}
