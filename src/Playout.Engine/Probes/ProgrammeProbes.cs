using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Engine.Probes;

/// <summary>
/// The channel's black, freeze and silence detectors, run by the <see cref="ProbeConsumer"/>. Each episode becomes a
/// <see cref="ProbeEvent"/> (published when it has lasted the set time and again when it ends), an alarm on the
/// channel's board (<c>&lt;channel&gt;/probe/black</c>, <c>/freeze</c>, <c>/silence</c>) and the live <see cref="State"/>.
/// Everything here runs on the probe thread; <see cref="State"/> may be read from any thread.
/// </summary>
public sealed class ProgrammeProbes : IProgrammeProbe, IProbeEvents, IDisposable
{
    private readonly ChannelContext _channel;
    private readonly Func<long, DateTimeOffset> _airTime;
    private readonly BlackDetector? _black;
    private readonly FreezeDetector? _freeze;
    private readonly SilenceDetector? _silence;
    private readonly ProbeEvent?[] _open = new ProbeEvent?[3];
    private readonly Lock _observersLock = new();
    private Action<ProbeEvent>[] _observers = [];
    private volatile ProbeState _state = ProbeState.Idle;

    /// <param name="airTime">When a tick's frame airs: the channel's <c>AirTime</c>.</param>
    public ProgrammeProbes(ChannelContext channel, ProbeSettings settings, Func<long, DateTimeOffset> airTime)
    {
        _channel = channel;
        _airTime = airTime;
        // A radio channel's placeholder picture is always black and still: only its sound is watched.
        bool pictures = !channel.Format.IsAudioOnly;
        _black = pictures && settings.Black.Enabled ? new BlackDetector(channel.Format, settings) : null;
        _freeze = pictures && settings.Freeze.Enabled ? new FreezeDetector(channel.Format, settings) : null;
        _silence = settings.Silence.Enabled ? new SilenceDetector(settings) : null;
    }

    public string Name => "detectors";

    /// <summary>The detectors a channel's probe consumer runs, or null.</summary>
    public static ProgrammeProbes? Of(Channel channel) => ProbeConsumer.Find<ProgrammeProbes>(channel);

    public ProbeState State => _state;

    /// <summary>
    /// Calls <paramref name="observer"/> (on the probe thread) with every event, open and closed; what it throws is logged
    /// and does not stop the probes. Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<ProbeEvent> observer)
    {
        lock (_observersLock)
            _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    public void Process(long tick, Frame video, AudioFrame audio)
    {
        _black?.Process(tick, video, this);
        _freeze?.Process(tick, video, this);
        _silence?.Process(tick, audio, this);
    }

    void IProbeEvents.Opened(ProbeKind kind, ProbeEdge start)
    {
        var opened = new ProbeEvent(kind, start.Tick, TimeOf(start), null, null);
        _open[(int)kind] = opened;
        _state = _state.With(kind, new ProbeCondition(true, opened.StartTick, opened.StartTime));
        _channel.Alarms.Raise(Source(kind), Severity(kind), $"{Describe(kind)} since {opened.StartTime:O} (tick {opened.StartTick})");
        Publish(opened);
    }

    void IProbeEvents.Closed(ProbeKind kind, ProbeEdge end)
    {
        if (_open[(int)kind] is not { } opened)
            return;
        _open[(int)kind] = null;
        _state = _state.With(kind, ProbeCondition.Off);
        _channel.Alarms.Clear(Source(kind));
        Publish(opened with { EndTick = end.Tick, EndTime = TimeOf(end) });
    }

    /// <summary>Clears the alarms of episodes still open: with the probes gone nobody could clear them.</summary>
    public void Dispose()
    {
        foreach (var kind in Enum.GetValues<ProbeKind>())
            if (_open[(int)kind] is not null)
                _channel.Alarms.Clear(Source(kind));
    }

    private string Source(ProbeKind kind) => $"{_channel.Name}/probe/{kind.ToString().ToLowerInvariant()}";

    // Black and silence are Major: a programme rarely goes to black or quiet for seconds on purpose, and viewers see and
    // hear it at once. Freeze is a Warning: stills, captions, slates and paused shots are legitimate frozen pictures.
    private static AlarmSeverity Severity(ProbeKind kind) => kind == ProbeKind.Freeze ? AlarmSeverity.Warning : AlarmSeverity.Major;

    private static string Describe(ProbeKind kind) => kind switch
    {
        ProbeKind.Black => "black picture on air",
        ProbeKind.Freeze => "frozen picture on air",
        _ => "silence on air",
    };

    private DateTimeOffset TimeOf(ProbeEdge edge) =>
        _airTime(edge.Tick) + TimeSpan.FromTicks(edge.Sample * TimeSpan.TicksPerSecond / VideoFormat.AudioSampleRate);

    private void Publish(ProbeEvent probeEvent)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer(probeEvent);
            }
            catch (Exception error)
            {
                _channel.Logger.LogError(error, "{Channel}: a probe event observer failed on {Event}", _channel.Name, probeEvent);
            }
        }
    }

    private sealed class Subscription(ProgrammeProbes probes, Action<ProbeEvent> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (probes._observersLock)
                probes._observers = [.. probes._observers.Where(o => o != observer)];
        }
    }
}
