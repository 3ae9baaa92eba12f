using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Benchmarks;

/// <summary>
/// The HLS output's CPU at a 1080i50 channel's frame rate in real time: each rung of the default ladder alone, then the
/// whole ladder, fed two seconds of FFmpeg's moving testsrc2 picture over and over with silence. Cores are the process's
/// CPU time over the run; frames dropped show whether it kept up. `./playout bench hls [--seconds S] [--preset P]`.
/// </summary>
public static class HlsLadderBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new BenchArguments("hls", args, "--seconds S, --preset NAME", ["--seconds", "--preset"]);
        double seconds = arguments.Number("--seconds", 20, 1);
        string preset = arguments.Text("--preset") ?? "veryfast";
        var format = VideoFormats.Parse("1080i50");
        string folder = Directory.CreateTempSubdirectory("playout-bench-hls").FullName;
        try
        {
            using var context = new ChannelContext("bench", format, 64, 64, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
            var frames = Frames(context, folder);
            output.WriteLine($"HLS ladder of a {format.Name} channel, libx264 {preset}, {seconds} s a row in real time; {Environment.ProcessorCount} cores");
            output.WriteLine();
            output.WriteLine("| Renditions | Cores | Frames dropped |");
            output.WriteLine("|---|---:|---:|");
            var ladder = HlsSettings.DefaultLadder(format.Height);
            foreach (var rung in ladder)
                Measure(context, frames, [rung], preset, seconds, Path.Combine(folder, $"{rung.Height}"), output);
            Measure(context, frames, ladder, preset, seconds, Path.Combine(folder, "ladder"), output);
            foreach (var frame in frames)
                frame.Release();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void Measure(ChannelContext context, Frame[] frames, IReadOnlyList<HlsRendition> ladder, string preset, double seconds, string folder,
        TextWriter output)
    {
        var format = context.Format;
        var hls = new HlsConsumer(context, new HlsSettings(folder, ladder, Preset: preset));
        long ticks = (long)(seconds * format.FrameRate.ToDouble()), period = (long)(Stopwatch.Frequency / format.FrameRate.ToDouble());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        for (long tick = 0; tick < ticks; tick++)
        {
            long due = start + tick * period;
            while (Stopwatch.GetTimestamp() < due)
                Thread.Sleep(1);
            var audio = context.AudioPool.Rent();
            audio.Write(format.AudioSamplesForFrame(tick));
            audio.Commit();
            hls.Send(tick, frames[tick % frames.Length], audio);
            audio.Release();
        }
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / elapsed;
        long dropped = hls.Counters.Dropped;
        hls.Dispose();
        output.WriteLine($"| {string.Join(" + ", ladder.Select(r => $"{r.Height} lines at {r.VideoBitrate / 1e6:0.#} Mb/s"))} | {cores:F2} | {dropped} of {ticks} |");
    }

    /// <summary>Two seconds of testsrc2 at the channel's raster, as v210 frames of its pool.</summary>
    private static Frame[] Frames(ChannelContext context, string folder)
    {
        var format = context.Format;
        string raw = Path.Combine(folder, "testsrc2.yuv");
        ExternalProgram.Run("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
            $"testsrc2=size={format.Width}x{format.Height}:rate={format.FrameRate}:duration=2", "-pix_fmt", "yuv422p10le", "-f", "rawvideo", raw);
        var planar = PixelFormat.Yuv422P10.Layout(format.Width, format.Height);
        var converter = new FrameConverter(planar, context.VideoPool.Layout);
        var bytes = File.ReadAllBytes(raw);
        var frames = new Frame[bytes.Length / planar.TotalBytes];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = context.VideoPool.Rent();
            converter.Convert(bytes.AsSpan(i * planar.TotalBytes, planar.TotalBytes), frames[i].WritablePlane(0));
            frames[i].Commit();
        }
        return frames;
    }
}
