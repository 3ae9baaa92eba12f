using System.Diagnostics.Metrics;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Server.Hosting;

namespace Playout.Server.Metrics;

/// <summary>
/// The service's metrics for dashboards (Prometheus/OpenMetrics on /metrics, docs/MONITORING.md): observable instruments
/// read from the channels' status when scraped, so the ticks pay nothing for them. Names follow OpenTelemetry's
/// conventions; the exporter writes them as Prometheus names (playout_channel_ticks_total, …).
/// </summary>
public sealed class ServiceMetrics : IDisposable
{
    public const string MeterName = "Playout";

    private readonly Meter _meter = new(MeterName);
    private readonly PolledStatus<ChannelRuntime> _status;

    public ServiceMetrics(IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms)
    {
        _status = new PolledStatus<ChannelRuntime>(() => channels, c => c.Channel);
        Counter("playout.channel.ticks", "{tick}", "Ticks the channel has run.", s => s.Tick);
        Counter("playout.channel.late_ticks", "{tick}", "Ticks the clock gave later than due.", s => s.LateTicks);
        Counter("playout.channel.slipped_frames", "{frame}", "Frames skipped because a tick came a whole frame or more late.", s => s.SlippedFrames);
        Counter("playout.channel.failed_ticks", "{tick}", "Ticks whose mix failed (black and silence went out).", s => s.FailedTicks);
        _meter.CreateObservableGauge("playout.channel.tick.duration", () => Each<double>(s =>
            [Quantile(s, "0.5", s.Timing.P50), Quantile(s, "0.99", s.Timing.P99), Quantile(s, "1", s.Timing.Max)]), "s",
            "Tick time (produce, mix, consume) over the last 1024 ticks, by quantile.");
        _meter.CreateObservableGauge("playout.channel.frame_budget", () => Each<double>(s =>
            [new Measurement<double>(s.FrameBudgetMicroseconds / 1e6, Channel(s))]), "s", "One frame period: the time a tick may take.");
        _meter.CreateObservableGauge("playout.channel.pool.outstanding", () => Each<long>(s =>
            [new Measurement<long>(s.VideoFramesOutstanding, Channel(s), new("pool", "video")),
             new Measurement<long>(s.AudioFramesOutstanding, Channel(s), new("pool", "audio"))]), "{frame}", "Pool frames in use.");
        _meter.CreateObservableCounter("playout.channel.degraded_ticks", () => Each<long>(s =>
            [.. s.Degraded.Select(d => new Measurement<long>(d.Value, Channel(s), new("kind", d.Key)))]), "{tick}",
            "Ticks that went out degraded (pool exhausted), by kind.");
        _meter.CreateObservableCounter("playout.output.frames_sent", () => Each<long>(s =>
            [.. s.Consumers.Select(c => new Measurement<long>(c.Counters.Sent, Channel(s), new("output", c.Name)))]), "{frame}",
            "Frames each output accepted.");
        _meter.CreateObservableCounter("playout.output.frames_dropped", () => Each<long>(s =>
            [.. s.Consumers.Select(c => new Measurement<long>(c.Counters.Dropped, Channel(s), new("output", c.Name)))]), "{frame}",
            "Frames each output dropped because it was behind or failed.");
        Loudness("playout.loudness.momentary_lufs", "Momentary loudness (400 ms), LUFS.", m => m.Momentary);
        Loudness("playout.loudness.short_term_lufs", "Short-term loudness (3 s), LUFS.", m => m.ShortTerm);
        Loudness("playout.loudness.integrated_lufs", "Integrated loudness since start or reset, LUFS.", m => m.Integrated);
        Loudness("playout.loudness.true_peak_dbtp", "Highest true peak since start or reset, dBTP.", m => m.TruePeak);
        _meter.CreateObservableGauge("playout.probe.active", () => Each<long>(s => s.Probes is not { } probes ? [] :
            Enum.GetValues<ProbeKind>().Select(kind => new Measurement<long>(probes[kind].Active ? 1 : 0, Channel(s),
                new("kind", kind.ToString().ToLowerInvariant())))), null, "1 while black, freeze or silence is on air.");
        _meter.CreateObservableGauge("playout.alarms.active", () =>
            Enum.GetValues<AlarmSeverity>().Select(level => new Measurement<long>(alarms.Active.Count(a => a.Severity == level),
                new KeyValuePair<string, object?>("severity", level.ToString().ToLowerInvariant()))), "{alarm}", "Active alarms by severity.");
        _meter.CreateObservableGauge("playout.alarms.unacknowledged", () => alarms.Listed.Count(a => a.Ack is null), "{alarm}",
            "Listed alarms nobody has acknowledged yet.");
        _meter.CreateObservableCounter("playout.alarms.raised", () => alarms.RaisedCount, "{alarm}", "Alarms raised since start.");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>A live meter's figure; a meter with no value (silence, under the gates) is left out.</summary>
    private void Loudness(string name, string description, Func<LoudnessMeterStatus, double?> figure) =>
        _meter.CreateObservableGauge(name, () => Each<double>(s => s.Loudness is not { } loudness ? [] :
            loudness.Meters.Where(m => figure(m) is not null).Select(m => new Measurement<double>(figure(m)!.Value, Channel(s), new("meter", m.Name)))),
            null, description);

    private void Counter(string name, string unit, string description, Func<ChannelStatus, long> value) =>
        _meter.CreateObservableCounter(name, () => Each<long>(s => [new Measurement<long>(value(s), Channel(s))]), unit, description);

    private IEnumerable<Measurement<T>> Each<T>(Func<ChannelStatus, IEnumerable<Measurement<T>>> measure) where T : struct =>
        _status.Read().SelectMany(c => measure(c.Status));

    private static KeyValuePair<string, object?> Channel(ChannelStatus status) => new("channel", status.Name);

    private static Measurement<double> Quantile(ChannelStatus s, string quantile, double micros) =>
        new(micros / 1e6, Channel(s), new("quantile", quantile));
}
