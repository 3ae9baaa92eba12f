using System.Globalization;
using System.Runtime.InteropServices;
using Playout.TestSupport;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>Test signals rendered by the ffmpeg command line (lavfi sources) as 48 kHz interleaved float samples.</summary>
internal static class LavfiAudio
{
    /// <summary>The samples of a filter graph whose one output is audio (e.g. an aevalsrc source), as 48 kHz float.</summary>
    public static float[] Render(string graph)
    {
        var result = ExternalTool.Execute("ffmpeg",
            ["-hide_banner", "-nostdin", "-v", "error", "-filter_complex", graph, "-ar", "48000", "-c:a", "pcm_f32le", "-f", "f32le", "-"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not render {graph}: {result.Error}");
        return MemoryMarshal.Cast<byte, float>(result.Output).ToArray();
    }

    /// <summary>
    /// An aevalsrc source of <paramref name="channels"/> identical channels (null entries silent) playing
    /// <paramref name="wave"/> (an expression of t) at the levels of the segments, one after the other.
    /// </summary>
    public static string Segments(string wave, params (double Seconds, double Dbfs)[] segments) =>
        Source(Envelope(segments) + "*" + wave, 2, segments.Sum(s => s.Seconds));

    /// <summary>aevalsrc: the expression (or silence for null) on each channel, 48 kHz, for <paramref name="seconds"/>.</summary>
    public static string Source(IReadOnlyList<string?> channels, double seconds) =>
        $"aevalsrc=exprs='{string.Join('|', channels.Select(c => c ?? "0"))}':s=48000:d={Number(seconds)}";

    public static string Source(string expression, int channels, double seconds) =>
        Source(Enumerable.Repeat<string?>(expression, channels).ToArray(), seconds);

    /// <summary>A 1 kHz sine of peak level <paramref name="dbfs"/>, as an expression of t.</summary>
    public static string Sine(double dbfs, double hertz = 1000, double phaseDegrees = 0) =>
        $"{Number(Amplitude(dbfs))}*sin(2*PI*{Number(hertz)}*t+{Number(phaseDegrees * Math.PI / 180)})";

    public static double Amplitude(double dbfs) => Math.Pow(10, dbfs / 20);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A level per segment: if(lt(t,end1),a1,if(lt(t,end2),a2,…)).</summary>
    private static string Envelope((double Seconds, double Dbfs)[] segments)
    {
        string expression = Number(Amplitude(segments[^1].Dbfs));
        double end = segments.Sum(s => s.Seconds);
        for (int i = segments.Length - 2; i >= 0; i--)
        {
            end -= segments[i + 1].Seconds;
            expression = $"if(lt(t,{Number(end)}),{Number(Amplitude(segments[i].Dbfs))},{expression})";
        }
        return $"({expression})";
    }
}
