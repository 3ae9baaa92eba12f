using System.Globalization;
using System.Text.RegularExpressions;
using Playout.Engine.Probes;
using Playout.TestSupport;

namespace Playout.Engine.Tests.Probes;

/// <summary>
/// A test clip with black, frozen and silent stretches, made by the ffmpeg command line (FFV1 10-bit 4:2:2 + PCM), and
/// FFmpeg's own blackdetect, freezedetect and silencedetect run on it, their log lines parsed into episodes.
/// </summary>
internal static partial class ProbeClips
{
    /// <summary>The clip's length in seconds.</summary>
    public const double Seconds = 14;

    /// <summary>
    /// 0–3 s a moving ramp fading to black over its last second, 3–6 s black, 6–9 s still SMPTE bars, 9–11 s the moving
    /// ramp, 11–14 s a still ramp (a freeze to the end). Sound: −20 dBFS 1 kHz tone with silence from 3.5 to 6.2 s and
    /// from 10 s to the end. The ramp is drawn small and scaled up, so every pixel moves and the clip codes fast.
    /// </summary>
    public static string Make(TempDirectory folder, int width, int height, string rate)
    {
        string size = $"{width}x{height}", path = folder.File($"probes-{width}x{height}.mkv");
        string Ramp(double seconds, string motion) =>
            $"color=c=black:s=64x36:r={rate}:d={seconds},format=yuv444p,geq=lum='64+mod(2*X{motion},128)':cb=128:cr=128,scale={size}:flags=bilinear,format=yuv422p";
        string graph = string.Join(";",
            $"{Ramp(3, "+N*4")},fade=t=out:st=2:d=1[v0]",
            $"color=c=black:s={size}:r={rate}:d=3,format=yuv422p[v1]",
            $"smptebars=s={size}:r={rate}:d=3,format=yuv422p[v2]",
            $"{Ramp(2, "+N*4")}[v3]",
            $"{Ramp(3, "")}[v4]",
            "[v0][v1][v2][v3][v4]concat=n=5:v=1:a=0,format=yuv422p10le[v]",
            $"aevalsrc='0.1*sin(2*PI*1000*t)*(lt(t,3.5)+between(t,6.2,10))':s=48000:c=stereo:d={Seconds}[a]");
        Ffmpeg.Run("-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v", "ffv1", "-c:a", "pcm_s16le", "-f", "matroska", path);
        return path;
    }

    /// <summary>FFmpeg's episodes on the clip with its defaults (2 s, −60 dB, 98 % below 10 %); an end it never reports is the clip's end.</summary>
    public static List<Episode> FfmpegEpisodes(string clip)
    {
        var result = ExternalTool.Execute("ffmpeg", ["-hide_banner", "-nostdin", "-nostats", "-i", clip,
            "-vf", "blackdetect=d=2,freezedetect=d=2", "-af", "silencedetect=d=2", "-f", "null", "-"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var episodes = new List<Episode>();
        foreach (Match match in BlackLine().Matches(result.Error))
            episodes.Add(new Episode(ProbeKind.Black, Number(match.Groups[1]), Number(match.Groups[2])));
        Pair(ProbeKind.Freeze, FreezeStart().Matches(result.Error), FreezeEnd().Matches(result.Error), episodes);
        Pair(ProbeKind.Silence, SilenceStart().Matches(result.Error), SilenceEnd().Matches(result.Error), episodes);
        return episodes;
    }

    private static void Pair(ProbeKind kind, MatchCollection starts, MatchCollection ends, List<Episode> episodes)
    {
        for (int i = 0; i < starts.Count; i++)
            episodes.Add(new Episode(kind, Number(starts[i].Groups[1]), i < ends.Count ? Number(ends[i].Groups[1]) : Seconds));
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"black_start:(\S+) black_end:(\S+)")]
    private static partial Regex BlackLine();

    [GeneratedRegex(@"freeze_start: (\S+)")]
    private static partial Regex FreezeStart();

    [GeneratedRegex(@"freeze_end: (\S+)")]
    private static partial Regex FreezeEnd();

    [GeneratedRegex(@"silence_start: (\S+)")]
    private static partial Regex SilenceStart();

    [GeneratedRegex(@"silence_end: (\S+)")]
    private static partial Regex SilenceEnd();
}

/// <summary>A black, freeze or silence episode in seconds from the start of the clip.</summary>
internal sealed record Episode(ProbeKind Kind, double Start, double End);
