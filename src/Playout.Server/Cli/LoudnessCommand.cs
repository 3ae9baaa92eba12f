using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine;
using Playout.Engine.Library;
using Playout.Media.Audio.Loudness;

namespace Playout.Server.Cli;

/// <summary>
/// `playout loudness FILE [--json]`: measures a media file's sound (EBU R128: integrated loudness, loudness range,
/// true and sample peak, max momentary and short-term). Files of 30 s and more show progress on stderr: one line
/// rewritten in place on a terminal, a line every 10 % otherwise; stdout carries only the result.
/// </summary>
public static class LoudnessCommand
{
    /// <summary>Shorter files are measured in a moment: no progress.</summary>
    private static readonly TimeSpan ProgressFrom = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Any file FFmpeg can read that has sound" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (integrated, range, truePeak, samplePeak, momentaryMax, shortTermMax; null for no value)" };
        var command = new Command("loudness", "Measure a media file's loudness (EBU R128 / ITU-R BS.1770-4)") { file, json };
        command.SetAction((result, cancellation) => Task.FromResult(Measure(result.GetValue(file)!, result.GetValue(json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation)));
        return command;
    }

    private static int Measure(string file, bool json, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        if (Directory.Exists(file))
            throw new CliInputException($"'{file}' is a folder, not a media file");
        if (!File.Exists(file))
            throw new CliInputException($"'{file}' not found");
        FileLoudnessResult result;
        // FFmpeg's own log lines would interleave with the progress and the one-line error.
        FfmpegLogging.RouteTo(NullLogger.Instance);
        var progress = new ProgressWriter(file, error, terminal: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        try
        {
            result = FileLoudness.Measure(file, progress, cancellation);
            progress.End(completed: true);
        }
        catch (InvalidDataException e)
        {
            progress.End(completed: false);
            throw new CliInputException(e.Message);
        }
        finally
        {
            FfmpegLogging.Restore();
        }
        if (json)
            WriteJson(result.Reading, output);
        else
            WriteText(file, result, output);
        return PlayoutCli.Ok;
    }

    private static void WriteText(string file, FileLoudnessResult result, TextWriter output)
    {
        var reading = result.Reading;
        string measured = result.Layout.Stride == result.SourceChannels && result.Layout.Count == result.SourceChannels
            ? result.Layout.Name : $"channels 1-2 of {result.SourceChannels} as stereo";
        output.WriteLine($"{file}: {measured}, {result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        output.WriteLine($"  integrated      {Figure(reading.Integrated),7} LUFS");
        output.WriteLine($"  range           {Figure(reading.Range),7} LU");
        output.WriteLine($"  true peak       {Figure(reading.TruePeak),7} dBTP");
        output.WriteLine($"  sample peak     {Figure(reading.SamplePeak),7} dBFS");
        output.WriteLine($"  max momentary   {Figure(reading.MomentaryMax),7} LUFS");
        output.WriteLine($"  max short-term  {Figure(reading.ShortTermMax),7} LUFS");
    }

    /// <summary>One decimal; "-inf" for silence or too short to measure, "n/a" for no range.</summary>
    private static string Figure(double value) =>
        double.IsNegativeInfinity(value) ? "-inf" : double.IsNaN(value) ? "n/a" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static void WriteJson(LoudnessReading reading, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Write(writer, "integrated", reading.Integrated);
            Write(writer, "range", reading.Range);
            Write(writer, "truePeak", reading.TruePeak);
            Write(writer, "samplePeak", reading.SamplePeak);
            Write(writer, "momentaryMax", reading.MomentaryMax);
            Write(writer, "shortTermMax", reading.ShortTermMax);
            writer.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Two decimals; null where the reading has no value (JSON has no infinity).</summary>
    private static void Write(Utf8JsonWriter writer, string name, double value)
    {
        if (LoudnessReading.HasValue(value))
            writer.WriteNumber(name, Math.Round(value, 2));
        else
            writer.WriteNull(name);
    }

    /// <summary>Progress of a long file: rewritten in place on a terminal, a line at each 10 % step otherwise.</summary>
    private sealed class ProgressWriter(string file, TextWriter error, bool terminal) : IProgress<FileLoudnessProgress>
    {
        private int _shown = -1;

        public void Report(FileLoudnessProgress value)
        {
            if (value.Duration < ProgressFrom)
                return;
            int percent = terminal ? value.Percent : value.Percent / 10 * 10;
            if (percent == _shown)
                return;
            _shown = percent;
            string line = $"measuring {Path.GetFileName(file)}: {percent,3}%";
            if (terminal)
                error.Write($"\r{line}");
            else
                error.WriteLine(line);
        }

        /// <summary>Completed: 100 % (whatever the stated duration said). Either way a terminal's rewritten line is ended.</summary>
        public void End(bool completed)
        {
            if (_shown < 0)
                return;
            string line = $"measuring {Path.GetFileName(file)}: 100%";
            if (completed)
                error.WriteLine(terminal ? $"\r{line}" : line);
            else if (terminal)
                error.WriteLine();
        }
    }
}
