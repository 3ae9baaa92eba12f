using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.Playlists;
using Playout.Media.Formats;

namespace Playout.Benchmarks;

/// <summary>
/// A radio channel's CPU in real time: songs (MP3, 192 kb/s stereo) decoded in rotation, mixed, and encoded three ways as
/// the demo's outputs are — MP3 at 128 kb/s (what an Icecast mount gets), the HLS sound rendition (AAC in fMP4 segments)
/// and an MPEG-TS service (AAC) — against one FFmpeg process doing the same decoding and encoding of the same song in the
/// same run (its utime + stime by -benchmark). `./playout bench radio [--seconds S]`.
/// </summary>
public static partial class RadioChannelBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        double seconds = new BenchArguments("radio", args, "--seconds S", ["--seconds"]).Number("--seconds", 30, 1);
        string folder = Directory.CreateTempSubdirectory("playout-bench-radio").FullName;
        try
        {
            string[] songs = [.. new[] { 220, 247, 262 }.Select(hz => Song(folder, hz))];
            output.WriteLine($"A radio channel in real time for {seconds} s: MP3 songs decoded, three encodes (MP3 128k, HLS AAC, MPEG-TS AAC); {Environment.ProcessorCount} cores");
            output.WriteLine();
            var (ours, dropped) = Ours(folder, songs, seconds);
            double ffmpeg = Ffmpeg(folder, songs[0], seconds);
            output.WriteLine("| What | Cores | Channels a core | Frames dropped |");
            output.WriteLine("|---|---:|---:|---:|");
            output.WriteLine($"| Playout radio channel | {ours:F3} | {1 / ours:F0} | {dropped} |");
            output.WriteLine($"| FFmpeg, same decode and encodes | {ffmpeg:F3} | {1 / ffmpeg:F0} | — |");
            output.WriteLine();
            output.WriteLine($"Ours / FFmpeg: {ours / ffmpeg:F2}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>The channel's process CPU over the run (cores), and the frames its outputs dropped.</summary>
    private static (double Cores, long Dropped) Ours(string folder, string[] songs, double seconds)
    {
        var format = VideoFormats.Radio;
        using var context = new ChannelContext("radio bench", format, 32, 64, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var outputs = new IConsumer[]
        {
            new StreamConsumer(context, new StreamSettings(Path.Combine(folder, "icecast.mp3"), "mp3", null, "libmp3lame", AudioBitrate: 128_000)),
            new HlsConsumer(context, new HlsSettings(Path.Combine(folder, "hls"), [], AudioBitrate: 192_000)),
            new StreamConsumer(context, new StreamSettings(Path.Combine(folder, "service.ts"), "mpegts", null, "aac", AudioBitrate: 128_000)),
        };
        using var channel = new Channel(context, new SystemClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        foreach (var consumer in outputs)
            channel.AddConsumer(consumer);
        var playlist = new PlaylistProducer(context, "rotation", [.. songs.Select(song => new PlaylistItem(song, ClipOptions.Default))], loop: true);
        SpinWait.SpinUntil(() => playlist.IsReady, TimeSpan.FromSeconds(10));
        channel.Execute(StageCommands.Load(10, playlist));
        channel.Start();
        Thread.Sleep(2000);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        double cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / Stopwatch.GetElapsedTime(start).TotalSeconds;
        channel.Stop();
        return (cores, outputs.Sum(o => o.Counters.Dropped));
    }

    /// <summary>FFmpeg's CPU (cores) decoding <paramref name="song"/> in real time, looping, into the same three encodes.</summary>
    private static double Ffmpeg(string folder, string song, double seconds)
    {
        string time = seconds.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-benchmark", "-y", "-re", "-stream_loop", "-1", "-t", time, "-i", song,
            "-map", "0:a", "-c:a", "libmp3lame", "-b:a", "128k", "-ar", "48000", "-f", "mp3", Path.Combine(folder, "ffmpeg.mp3"),
            "-map", "0:a", "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-f", "hls", "-hls_time", "2", "-hls_segment_type", "fmp4",
            "-hls_flags", "delete_segments+independent_segments+program_date_time", Path.Combine(folder, "ffmpeg.m3u8"),
            "-map", "0:a", "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-f", "mpegts", Path.Combine(folder, "ffmpeg.ts")])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var bench = Benchmark().Match(error);
        if (process.ExitCode != 0 || !bench.Success)
            throw new InvalidOperationException($"ffmpeg failed or printed no benchmark: {error[^Math.Min(error.Length, 500)..]}");
        double user = double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture), system = double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture);
        double real = double.Parse(bench.Groups[3].Value, CultureInfo.InvariantCulture);
        return (user + system) / real;
    }

    /// <summary>A 30 s MP3 (192 kb/s stereo) of a chord on <paramref name="hz"/>, as the demo's songs.</summary>
    private static string Song(string folder, int hz)
    {
        string path = Path.Combine(folder, $"song-{hz}.mp3");
        ExternalProgram.Run("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
            $"aevalsrc=exprs='0.1*(sin(2*PI*{hz}*t)+sin(2*PI*{hz * 5 / 4}*t)+sin(2*PI*{hz * 3 / 2}*t))':s=44100:d=30", "-ac", "2",
            "-c:a", "libmp3lame", "-b:a", "192k", path);
        return path;
    }

    [GeneratedRegex(@"bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s")]
    private static partial Regex Benchmark();
}
