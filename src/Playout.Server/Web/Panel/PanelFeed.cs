using Playout.Engine.Alarms;
using Playout.Engine.Probes;
using Playout.Media.Formats;

namespace Playout.Server.Web.Panel;

/// <summary>
/// What the panel's one stream carries: every channel's automation status, engine summary and meters in one update, and
/// the alarms (listed, and the recent raises, clears and acknowledgements as history) whenever they change.
/// </summary>
public sealed class PanelFeed : IDisposable
{
    /// <summary>Alarm events kept for the panel's history (since the service started).</summary>
    public const int HistoryLength = 200;

    private readonly ApiChannels _channels;
    private readonly AlarmBoard _alarms;
    private readonly IDisposable _subscription;
    private readonly LinkedList<AlarmEvent> _history = new();
    private long _alarmsVersion;

    public PanelFeed(ApiChannels channels, AlarmBoard alarms)
    {
        _channels = channels;
        _alarms = alarms;
        _subscription = alarms.Subscribe(Note);
    }

    public IReadOnlyList<Hosting.ChannelRuntime> Channels => _channels.All;

    /// <summary>Grows with every alarm raise, clear or acknowledgement: a stream sends the alarms again when it has moved.</summary>
    public long AlarmsVersion => Interlocked.Read(ref _alarmsVersion);

    public sealed record FrameRateJson(long Num, long Den);

    /// <summary>One channel as the panel shows it; times count on from <c>automation.tick</c> at <see cref="FrameRate"/>.</summary>
    public sealed record ChannelUpdate(int Number, string Name, string Format, FrameRateJson FrameRate, EngineSummary Engine,
        Automation.Runtime.AutomationStatus? Automation, MeterEndpoints.Meters Meters);

    /// <summary>What the overview and the devices view need of the engine status (the whole of it is GET /api/channels/{n}).</summary>
    public sealed record EngineSummary(bool Running, long Tick, string ClockSource, bool Genlocked, DateTimeOffset? AirTime, long FailedTicks,
        long LateTicks, IReadOnlyList<Alarm> Alarms, ProbeState? Probes, IReadOnlyList<Engine.Channels.ConsumerStatus> Outputs);

    /// <summary>An update of every channel, stamped with the server's time (the page greys values older than a second by its own clock).</summary>
    public sealed record Update(DateTimeOffset At, IReadOnlyList<ChannelUpdate> Channels);

    public sealed record AlarmsUpdate(long Version, IReadOnlyList<Alarm> Listed, IReadOnlyList<AlarmEvent> History);

    public Update Read() => new(DateTimeOffset.UtcNow, [.. _channels.All.Select((c, i) => Channel(i + 1, c))]);

    public AlarmsUpdate ReadAlarms()
    {
        long version = AlarmsVersion;
        AlarmEvent[] history;
        lock (_history)
            history = [.. _history];
        return new AlarmsUpdate(version, _alarms.Listed, history);
    }

    private static ChannelUpdate Channel(int number, Hosting.ChannelRuntime runtime)
    {
        var engine = runtime.Channel.Status();
        Rational rate = runtime.Context.Format.FrameRate;
        var summary = new EngineSummary(engine.Running, engine.Tick, engine.ClockSource, engine.Genlocked, engine.AirTime, engine.FailedTicks,
            engine.LateTicks, engine.Alarms, engine.Probes, engine.Consumers);
        return new ChannelUpdate(number, engine.Name, engine.Format, new FrameRateJson(rate.Numerator, rate.Denominator), summary,
            runtime.Automation?.Automation.Status(), MeterEndpoints.Read(runtime.Channel));
    }

    private void Note(AlarmEvent change)
    {
        lock (_history)
        {
            _history.AddFirst(change);
            if (_history.Count > HistoryLength)
                _history.RemoveLast();
        }
        Interlocked.Increment(ref _alarmsVersion);
    }

    public void Dispose() => _subscription.Dispose();
}
