using System.Globalization;
using System.Text.RegularExpressions;
using Playout.TestSupport;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>FFmpeg's <c>ebur128=peak=true+sample</c> filter as the reference meter: the figures of its summary (one decimal).</summary>
internal static partial class FfmpegEbur128
{
    public sealed record Summary(double Integrated, double Range, double SamplePeak, double TruePeak);

    /// <summary>Runs the audio of <paramref name="graph"/> through the filter and parses the summary it logs at the end.</summary>
    public static Summary Measure(string graph)
    {
        var result = ExternalTool.Execute("ffmpeg",
            ["-hide_banner", "-nostdin", "-nostats", "-filter_complex", graph + ",ebur128=peak=true+sample", "-f", "null", "-"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg ebur128 failed on {graph}: {result.Error}");
        // ffmpeg may configure the graph twice, logging an empty summary first: the last is the one.
        int last = result.Error.LastIndexOf("Summary:", StringComparison.Ordinal);
        var summary = SummaryText().Match(last < 0 ? "" : result.Error[last..]);
        if (!summary.Success)
            throw new InvalidOperationException($"no ebur128 summary in ffmpeg's log: {result.Error}");
        return new Summary(Figure(summary, "integrated"), Figure(summary, "range"), Figure(summary, "sample"), Figure(summary, "true"));
    }

    private static double Figure(Match match, string group) =>
        double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Summary:.*?I:\s+(?<integrated>-?[\d.]+) LUFS.*?LRA:\s+(?<range>-?[\d.]+) LU.*?Sample peak:\s+Peak:\s+(?<sample>-?[\d.]+) dBFS.*?True peak:\s+Peak:\s+(?<true>-?[\d.]+) dBFS",
        RegexOptions.Singleline)]
    private static partial Regex SummaryText();
}
