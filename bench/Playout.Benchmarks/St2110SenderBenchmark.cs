using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Consumers;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Benchmarks;

/// <summary>
/// The ST 2110-20 sender over loopback, a receiving thread draining the socket on the other core.
/// <list type="bullet">
/// <item><b>Unpaced:</b> how far the sender path (packetize, send) goes on one core, one packet a system call against
/// segmented sends of 16 (the output's bursts) and 48, at 1080p50 and 2160p50's frames: frames and packets a second, Gb/s, the share the receiver got,
/// and the sending thread's CPU per Gb/s.</item>
/// <item><b>Paced:</b> the output itself (<see cref="St2110Consumer"/>: v210 conversion, bursts on ST 2110-21's read
/// schedule) at 1080p50 and 2160p50 in real time on the machine's clock, as a wide and as a narrow sender: its two threads'
/// cores, and each whole frame's arrivals, from the start of the period its timestamp names, through ST 2110-21's network
/// compatibility (Cinst against CMAX) and virtual receive buffer (VRX against VRX_FULL, and packets that came after their
/// read slot) models.</item>
/// </list>
/// <item><b>Against FFmpeg:</b> whole frames unpaced, ours from v210 (conversion, packetizer, segmented sends) against
/// FFmpeg's RFC 4175 sender (a raw yuv422p10le frame looped, its bitpacked encoder and RTP muxer), as core-milliseconds a
/// frame (FFmpeg's process, ours the sending thread).</item>
/// <item><b>Receiving:</b> the input's side (<see cref="St2110ReceiveRows"/>).</item>
/// `./playout bench st2110 [--seconds S]`.
/// </summary>
public static class St2110SenderBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        double seconds = new BenchArguments("st2110", args, "--seconds S", ["--seconds"]).Number("--seconds", 5, 1);
        output.WriteLine($"ST 2110-20 sender over loopback, {seconds} s a row; {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| Frames | Sends | Frames/s | Packets/s | Gb/s | Received | Sender cores | Core-seconds per Gb |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in new[] { "1080p50", "2160p50" })
            foreach (int batch in new[] { 1, 16, 48 })
                Unpaced(VideoFormats.Parse(name), batch, seconds, output);
        output.WriteLine();
        output.WriteLine("| Whole frames, unpaced | Frames/s | Gb/s | Cores | Core-ms a frame | Ours ÷ FFmpeg (core-ms a frame) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var name in new[] { "1080p50", "2160p50" })
        {
            var format = VideoFormats.Parse(name);
            var ffmpeg = FfmpegSender(format, seconds);
            var ours = WholeFrames(format, seconds);
            output.WriteLine($"| {name}, FFmpeg (yuv422p10le → bitpacked, its RTP muxer) | {ffmpeg.FramesPerSecond:F1} | {ffmpeg.Gbps:F2} | {ffmpeg.Cores:F2} | {ffmpeg.CoreMs:F2} | |");
            output.WriteLine($"| {name}, ours (v210 → pgroups, segmented sends of 16) | {ours.FramesPerSecond:F1} | {ours.Gbps:F2} | {ours.Cores:F2} | {ours.CoreMs:F2} | **{ours.CoreMs / ffmpeg.CoreMs:F2}** |");
        }
        output.WriteLine();
        output.WriteLine("| Output | Sender | Gb/s | Output cores (both threads) | Received | First packet µs into its period, p50 / max (TRO) | Cinst p50 / p99 / max (CMAX narrow, wide) | VRX p50 / p99 / max (VRX_FULL narrow, wide) | Frames narrow / wide / not compliant | Frames with a packet after its read slot: how late, p50 / max |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in new[] { "1080p50", "2160p50" })
            foreach (var pacing in new[] { St2110Pacing.Wide, St2110Pacing.Narrow })
                Paced(VideoFormats.Parse(name), pacing, seconds, output);
        output.WriteLine();
        St2110ReceiveRows.Write(seconds, output);
        return 0;
    }

    /// <summary>Packetizes and sends one picture's lines as fast as the sender goes.</summary>
    private static void Unpaced(VideoFormat format, int batch, double seconds, TextWriter output)
    {
        using var drain = new Drain(timestamps: false);
        var packetizer = new Rfc4175Packetizer(format.Width, format.Height, 1);
        var lines = new byte[packetizer.LineBytes * format.Height];
        new Random(1).NextBytes(lines);
        using var sender = new RtpSender(drain.EndPoint, 1, segmented: batch > 1);
        long packets = 0, bytes = 0, frames = 0;
        RtpPacketSink sink = packet =>
        {
            sender.Add(packet);
            bytes += packet.Length;
            if (++packets % batch == 0)
                sender.Flush();
        };
        long cpu = ThreadCpu.Current();
        var clock = Stopwatch.StartNew();
        for (; clock.Elapsed.TotalSeconds < seconds; frames++)
        {
            packetizer.Send(lines, packetizer.LineBytes, (uint)frames, false, sink);
            sender.Flush();
        }
        double elapsed = clock.Elapsed.TotalSeconds, cores = (ThreadCpu.Current() - cpu) / 1e9 / elapsed, gbps = bytes * 8 / elapsed / 1e9;
        output.WriteLine($"| {format.Name} | {(batch > 1 && sender.Segmented ? $"segmented, {batch} a call" : "one packet a call")} | {frames / elapsed:F1} | " +
            $"{packets / elapsed:N0} | {gbps:F2} | {drain.Packets / (double)packets:P0} | {cores:F2} | {cores / gbps:F3} |");
    }

    private readonly record struct Rate(double FramesPerSecond, double Gbps, double Cores)
    {
        public double CoreMs => Cores / FramesPerSecond * 1000;
    }

    /// <summary>Ours from a v210 frame: the output's conversion, packetizer and segmented sends, unpaced, on this thread.</summary>
    private static Rate WholeFrames(VideoFormat format, double seconds)
    {
        using var drain = new Drain(timestamps: false);
        using var context = new ChannelContext("bench", format, 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var frame = context.VideoPool.Rent();
        new Random(3).NextBytes(frame.WritablePlane(0));
        frame.Commit();
        var pgroups = PixelFormat.St2110Yuv422P10.Layout(format.Width, format.Height);
        var converter = new Media.Kernels.FrameConverter(context.VideoPool.Layout, pgroups);
        var lines = GC.AllocateArray<byte>(pgroups.TotalBytes, pinned: true);
        var packetizer = new Rfc4175Packetizer(format.Width, format.Height, 1);
        using var sender = new RtpSender(drain.EndPoint, 1);
        long packets = 0, bytes = 0, frames = 0;
        RtpPacketSink sink = packet =>
        {
            sender.Add(packet);
            bytes += packet.Length;
            if (++packets % 16 == 0)
                sender.Flush();
        };
        long cpu = ThreadCpu.Current();
        var clock = Stopwatch.StartNew();
        for (; clock.Elapsed.TotalSeconds < seconds; frames++)
        {
            converter.Convert(frame.Plane(0), lines);
            packetizer.Send(lines, packetizer.LineBytes, (uint)frames, false, sink);
            sender.Flush();
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        frame.Release();
        return new Rate(frames / elapsed, bytes * 8 / elapsed / 1e9, (ThreadCpu.Current() - cpu) / 1e9 / elapsed);
    }

    /// <summary>FFmpeg's own RFC 4175 sender on the same frames: a raw yuv422p10le frame looped, bitpacked, its RTP muxer, as fast as it goes.</summary>
    private static Rate FfmpegSender(VideoFormat format, double seconds)
    {
        using var drain = new Drain(timestamps: false);
        string raw = Path.Combine(Path.GetTempPath(), $"playout-bench-{format.Name}.yuv");
        var picture = new byte[format.Width * format.Height * 4];
        new Random(4).NextBytes(picture);
        for (int i = 0; i < picture.Length; i += 2)
            picture[i + 1] &= 0x03;
        File.WriteAllBytes(raw, picture);
        try
        {
            int frames = (int)(seconds * 60);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-hide_banner", "-nostats", "-nostdin", "-benchmark", "-stream_loop", "-1", "-f", "rawvideo",
                "-pix_fmt", "yuv422p10le", "-s", $"{format.Width}x{format.Height}", "-i", raw, "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
                "-c:v", "bitpacked", "-f", "rtp", $"rtp://{drain.EndPoint}" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            string log = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Thread.Sleep(100);
            // "bench: utime=0.644s stime=2.801s rtime=3.104s": its CPU time and its wall time.
            var bench = System.Text.RegularExpressions.Regex.Match(log, @"utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s");
            if (!bench.Success)
                throw new InvalidOperationException($"ffmpeg printed no -benchmark line: {log}");
            double Seconds(int group) => double.Parse(bench.Groups[group].Value, CultureInfo.InvariantCulture);
            double elapsed = Seconds(3);
            return new Rate(frames / elapsed, drain.Bytes * 8 / elapsed / 1e9, (Seconds(1) + Seconds(2)) / elapsed);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>
    /// The output in real time on the machine's clock, as a channel drives it: each tick's frame handed over as the tick
    /// comes, leaving in the period after its tick's. Each frame's arrivals count from the start of the period its RTP
    /// timestamp names, as ST 2110-21's models read a flow.
    /// </summary>
    private static void Paced(VideoFormat format, St2110Pacing pacing, double seconds, TextWriter output)
    {
        using var drain = new Drain(timestamps: true);
        using var clock = new SystemClock(format.FrameRate);
        using var context = new ChannelContext("bench", format, 4, 4, NullLogger.Instance, new AlarmBoard(NullLogger.Instance)) { Clock = clock };
        var frame = context.VideoPool.Rent();
        new Random(2).NextBytes(frame.WritablePlane(0));
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        var consumer = new St2110Consumer(context, new St2110Settings(drain.EndPoint, 1, Pacing: pacing));
        long frames = (long)(seconds * format.FrameRate.ToDouble()), first = clock.FrameNow() + 1;
        var starts = new Dictionary<uint, long>();
        long cpu = ProcessNanoseconds(), start = Stopwatch.GetTimestamp();
        for (long tick = first; tick < first + frames; tick++)
        {
            PreciseWait.Until(clock.FrameTimestamp(tick)!.Value);
            var timeline = FlowTimeline.Of(context, tick);
            starts[(uint)((Int128)timeline.MediaFrame * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator)] = timeline.Start!.Value;
            consumer.Send(tick, frame, audio);
        }
        // Disposing waits for the output's sending thread to send what it was handed.
        consumer.Dispose();
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds, cores = (ProcessNanoseconds() - cpu) / 1e9 / elapsed - drain.Cores(elapsed);
        Thread.Sleep(200);
        var model = consumer.Traffic;
        var measured = drain.Traffic(model, starts);
        var frameTraffic = measured.Select(f => f.Traffic).ToList();
        var latest = measured.Where(f => f.Traffic.Late > 0).Select(f => f.LatestMicroseconds).ToList();
        var firsts = measured.Select(f => f.FirstMicroseconds).ToList();
        var cinst = frameTraffic.Select(t => (double)t.Cinst).ToList();
        var vrx = frameTraffic.Select(t => (double)t.Vrx).ToList();
        var verdicts = frameTraffic.GroupBy(model.Verdict).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"| {format.Name} | {pacing.ToString().ToLowerInvariant()} | {drain.Bytes * 8 / elapsed / 1e9:F2} | {cores:F2} | {drain.Packets / (double)(frames * model.Packets):P0} | " +
            $"{Percentile(firsts, 0.5):F0} / {(firsts.Count == 0 ? 0 : firsts.Max()):F0} ({model.Tro * 1e6:F0}) | " +
            $"{Percentile(cinst, 0.5):F0} / {Percentile(cinst, 0.99):F0} / {(cinst.Count == 0 ? 0 : cinst.Max()):F0} ({model.CmaxNarrow}, {model.CmaxWide}) | " +
            $"{Percentile(vrx, 0.5):F0} / {Percentile(vrx, 0.99):F0} / {(vrx.Count == 0 ? 0 : vrx.Max()):F0} ({model.VrxNarrow}, {model.VrxWide}) | " +
            $"{verdicts.GetValueOrDefault("narrow")} / {verdicts.GetValueOrDefault("wide")} / {verdicts.GetValueOrDefault("not compliant")} | {latest.Count} of {frameTraffic.Count}: {Percentile(latest, 0.5):F0} / {(latest.Count == 0 ? 0 : latest.Max()):F0} µs |");
        frame.Release();
        audio.Release();
    }

    private static double Percentile(List<double> values, double share)
    {
        if (values.Count == 0)
            return 0;
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, share * values.Count)];
    }

    /// <summary>The process's time on a CPU, in nanoseconds.</summary>
    private static long ProcessNanoseconds() => Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;

    /// <summary>A loopback socket drained by a thread of its own, counting what arrives (and when, by RTP header).</summary>
    private sealed class Drain : IDisposable
    {
        private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20, ReceiveTimeout = 200 };
        private readonly Thread _thread;
        /// <summary>Each datagram's kernel arrival time (ns), RTP timestamp and 32-bit sequence number.</summary>
        private readonly List<(long At, uint Timestamp, uint Sequence)> _arrivals;
        private readonly bool _timestamps;
        private readonly long _realtime = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100, _monotonic = Stopwatch.GetTimestamp();
        private long _threadNanoseconds;
        private volatile bool _stop;

        public Drain(bool timestamps)
        {
            _timestamps = timestamps;
            // Room for every arrival up front: a list growing as it fills would stop the sender for the collections it causes.
            _arrivals = new(timestamps ? 4_000_000 : 0);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            if (timestamps)
                KernelTimestamps.Enable(_socket);
            _thread = new Thread(Run) { IsBackground = true, Name = "st2110 drain" };
            _thread.Start();
        }

        public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;
        public long Packets { get; private set; }
        public long Bytes { get; private set; }

        /// <summary>
        /// Each whole frame's packets through ST 2110-21's models, their arrival times counted from the start of the period
        /// the frame's RTP timestamp names (<paramref name="starts"/>: a Stopwatch timestamp by RTP timestamp), with when
        /// its first packet came and how late its latest one did after its read slot.
        /// </summary>
        public List<(St2110Traffic Traffic, double FirstMicroseconds, double LatestMicroseconds)> Traffic(St2110TrafficModel model,
            IReadOnlyDictionary<uint, long> starts)
        {
            var frames = new List<(St2110Traffic, double, double)>();
            foreach (var frame in _arrivals.GroupBy(a => a.Timestamp))
            {
                var packets = frame.OrderBy(p => p.Sequence).ToList();
                if (packets.Count != model.Packets || !starts.TryGetValue(frame.Key, out long start))
                    continue;
                // Kernel times are the system clock's (ns); one reading of both clocks maps them onto the monotonic one.
                var arrivals = packets.Select(p => (double)(_monotonic - start) / Stopwatch.Frequency + (p.At - _realtime) / 1e9).ToArray();
                double late = arrivals.Select((at, j) => at - model.Tro - j * model.Trs).Max();
                frames.Add((model.Measure(arrivals), arrivals[0] * 1e6, Math.Max(0, late) * 1e6));
            }
            return frames;
        }

        /// <summary>The draining thread's share of a core over <paramref name="seconds"/> (Linux).</summary>
        public double Cores(double seconds) => _threadNanoseconds / 1e9 / seconds;

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
            _socket.Dispose();
        }

        private void Run()
        {
            var buffer = new byte[65536];
            long cpu = ThreadCpu.Current();
            while (!_stop)
            {
                if ((Packets & 4095) == 0)
                    _threadNanoseconds = ThreadCpu.Current() - cpu;
                int length;
                long at = 0;
                if (_timestamps)
                    (length, at) = KernelTimestamps.Receive(_socket, buffer);
                else
                {
                    try
                    {
                        length = _socket.Receive(buffer);
                    }
                    catch (SocketException)
                    {
                        continue;
                    }
                }
                if (length < 0)
                    continue;
                Packets++;
                Bytes += length;
                if (_timestamps && length >= 14)
                    _arrivals.Add((at, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)),
                        (uint)BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(12)) << 16 | BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))));
            }
        }
    }
}
