using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

/// <summary>`playout loudness FILE [--json]` on files FFmpeg makes: figures, layouts, progress and bad input.</summary>
public sealed partial class LoudnessCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A 1 kHz stereo sine of peak −23 dBFS measures −23 LUFS (EBU Tech 3341 case 1).</summary>
    [Fact]
    public void A_reference_tone_prints_every_figure()
    {
        string file = Make("tone.wav", "aevalsrc=exprs='0.0707946*sin(2*PI*1000*t)|0.0707946*sin(2*PI*1000*t)':s=48000:d=20", "-c:a", "pcm_f32le");

        var (code, output, error) = CliRunner.Run("loudness", file);

        Assert.True(code == 0, error);
        Assert.Contains($"{file}: stereo, 20.0 s", output);
        Assert.Equal(-23.0, Figure(output, "integrated", "LUFS"));
        Assert.Equal(0.0, Figure(output, "range", "LU"));
        Assert.InRange(Figure(output, "true peak", "dBTP"), -23.1, -22.9);
        Assert.Equal(-23.0, Figure(output, "sample peak", "dBFS"));
        Assert.Equal(-23.0, Figure(output, "max momentary", "LUFS"));
        Assert.Equal(-23.0, Figure(output, "max short-term", "LUFS"));
        Assert.Empty(error);
    }

    /// <summary>The sound of a video file at 44.1 kHz in AAC: resampled to 48 kHz, it agrees with FFmpeg's ebur128 on the same file.</summary>
    [Fact]
    public void The_json_of_a_video_file_agrees_with_ffmpeg_ebur128()
    {
        string file = _folder.File("clip.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=12",
            "-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*440*t)*(0.6+0.4*sin(2*PI*0.5*t))|0.2*(random(0)-0.5)':s=44100:d=12",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", "-shortest", file);

        var (code, output, error) = CliRunner.Run("loudness", file, "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["integrated", "range", "truePeak", "samplePeak", "momentaryMax", "shortTermMax"],
            root.EnumerateObject().Select(p => p.Name));
        var reference = ExternalTool.Execute("ffmpeg", ["-hide_banner", "-nostdin", "-nostats", "-i", file, "-vn", "-af", "ebur128=peak=true", "-f", "null", "-"]).Error;
        string summary = reference[reference.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        Assert.InRange(root.GetProperty("integrated").GetDouble() - Parse(IntegratedLine().Match(summary)), -0.15, 0.15);
        Assert.InRange(root.GetProperty("truePeak").GetDouble() - Parse(TruePeakLine().Match(summary)), -0.25, 0.25);
        Assert.True(root.GetProperty("momentaryMax").GetDouble() >= root.GetProperty("shortTermMax").GetDouble());
        Assert.Equal(output.Trim(), output.TrimEnd('\n'));
    }

    [Fact]
    public void Five_one_is_weighted_as_5_1_and_other_counts_by_their_first_pair()
    {
        // Tech 3341 case 6: L, R at -28 dBFS, C at -24, LFE silent, Ls, Rs at -30 measure -23 LUFS.
        static string Sine(double amplitude) => $"{amplitude.ToString(CultureInfo.InvariantCulture)}*sin(2*PI*1000*t)";
        string surround = Make("surround.wav",
            $"aevalsrc=exprs='{Sine(0.0398107)}|{Sine(0.0398107)}|{Sine(0.0630957)}|0|{Sine(0.0316228)}|{Sine(0.0316228)}':s=48000:d=10:channel_layout=5.1",
            "-c:a", "pcm_f32le");
        var (code, output, error) = CliRunner.Run("loudness", surround);
        Assert.True(code == 0, error);
        Assert.Contains("5.1, 10.0 s", output);
        Assert.Equal(-23.0, Figure(output, "integrated", "LUFS"));

        string eight = Make("eight.wav", $"aevalsrc=exprs='{Sine(0.0707946)}|{Sine(0.0707946)}|{Sine(0.9)}|{Sine(0.9)}|0|0|0|0':s=48000:d=10", "-c:a", "pcm_f32le");
        (code, output, error) = CliRunner.Run("loudness", eight);
        Assert.True(code == 0, error);
        Assert.Contains("channels 1-2 of 8 as stereo", output);
        Assert.Equal(-23.0, Figure(output, "integrated", "LUFS"));
    }

    [Fact]
    public void A_long_file_shows_steady_progress_on_stderr_and_keeps_stdout_to_the_json()
    {
        string file = Make("long.flac", "sine=frequency=1000:sample_rate=48000:duration=45", "-ac", "2");

        var (code, output, error) = CliRunner.Run("loudness", file, "--json");

        Assert.True(code == 0, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"],
            lines.Select(l => ProgressLine().Match(l) is { Success: true } m ? m.Groups[1].Value : l));
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(output).RootElement.GetProperty("integrated").ValueKind);
    }

    [Fact]
    public void Silence_has_no_loudness_null_in_json()
    {
        string file = Make("silence.wav", "anullsrc=channel_layout=stereo:sample_rate=48000:duration=5");

        var (code, output, error) = CliRunner.Run("loudness", file, "--json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.All(root.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        (_, output, _) = CliRunner.Run("loudness", file);
        Assert.Matches(@"integrated\s+-inf LUFS", output);
        Assert.Matches(@"range\s+n/a LU", output);
    }

    [Fact]
    public void Bad_input_is_one_line_naming_the_file_with_exit_code_2()
    {
        string junk = _folder.File("junk.wav");
        File.WriteAllBytes(junk, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);
        string silentVideo = _folder.File("pictures.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", silentVideo);

        foreach (var (file, words) in new[]
        {
            (_folder.File("missing.wav"), "not found"),
            (junk, "cannot read the sound of"),
            (silentVideo, "has no audio stream"),
            (_folder.Path, "is a folder"),
        })
        {
            var (code, output, error) = CliRunner.Run("loudness", file, "--json");
            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(file, error);
            Assert.Contains(words, error);
            Assert.DoesNotContain(" at ", error);
        }
    }

    private string Make(string name, string source, params string[] encoding)
    {
        string file = _folder.File(name);
        Ffmpeg.Run(["-f", "lavfi", "-i", source, .. encoding, file]);
        return file;
    }

    private static double Figure(string output, string name, string unit)
    {
        var match = Regex.Match(output, $@"^\s+{name}\s+(-?[\d.]+) {unit}$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {name} in {output}");
        return Parse(match);
    }

    private static double Parse(Match match) => double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex IntegratedLine();

    [GeneratedRegex(@"True peak:\s+Peak:\s+(-?[\d.]+) dBFS")]
    private static partial Regex TruePeakLine();

    [GeneratedRegex(@"^measuring long\.flac:\s+(\d+)%$")]
    private static partial Regex ProgressLine();
}
