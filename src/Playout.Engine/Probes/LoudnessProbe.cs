using System.Collections.Concurrent;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Audio.Loudness;
using Playout.Media.Frames;

namespace Playout.Engine.Probes;

/// <summary>
/// The channel's loudness (ITU-R BS.1770-4 / EBU R128) on the probe thread. Live meters read every tick's sound as it
/// comes; a second meter measures the programme item by item for the as-run log and the target alarms. That one runs
/// <see cref="DelaySeconds"/> behind, on copies of the sound, so that an item's first frame, which the automation learns
/// of a few frames after the cut (<see cref="MarkItem"/>), is always known before the meter reaches it: each item is
/// measured from exactly its first frame to its last.
/// </summary>
public sealed class LoudnessProbe : IProgrammeProbe, IDisposable
{
    public const double DelaySeconds = 1;

    private readonly ChannelContext _channel;
    private readonly LoudnessSettings _settings;
    private readonly LoudnessMeter[] _live;
    private readonly LoudnessReading[] _readings;
    private readonly LoudnessMeter _item;
    private readonly float[][] _ring;
    private readonly int[] _ringLength;
    private readonly long[] _ringTick;
    private readonly ConcurrentQueue<(long Tick, string Key)> _marks = new();
    private readonly Lock _gate = new();
    private readonly string _loudnessAlarm, _peakAlarm;
    private readonly long _judgedAfter;
    private Action<ItemLoudness>[] _observers = [];
    private (long Tick, string? Key) _current = (0, null);
    private (string? Key, double Shown) _peakSaid, _loudnessSaid;
    private LoudnessReading _itemReading = LoudnessReading.None;
    private long _lastTick = -1;
    private int _resetRequested;

    public LoudnessProbe(ChannelContext channel, LoudnessSettings settings)
    {
        _channel = channel;
        _settings = settings;
        _live = [.. settings.Meters.Select(m => new LoudnessMeter(m.Layout))];
        _readings = [.. _live.Select(_ => LoudnessReading.None)];
        _item = new LoudnessMeter(settings.Meters[0].Layout);
        int delay = (int)Math.Ceiling(DelaySeconds * channel.Format.FrameRate.ToDouble());
        _ring = [.. Enumerable.Range(0, delay).Select(_ => new float[channel.AudioPool.SamplesPerFrame * channel.AudioPool.Channels])];
        _ringLength = new int[delay];
        _ringTick = [.. Enumerable.Repeat(-1L, delay)];
        _loudnessAlarm = $"{channel.Name}/loudness";
        _peakAlarm = $"{channel.Name}/true-peak";
        _judgedAfter = (long)(LoudnessSettings.JudgedAfter.TotalSeconds * LoudnessMeter.SampleRate);
    }

    public string Name => "loudness";

    /// <summary>The channel's loudness probe, or null when it meters none.</summary>
    public static LoudnessProbe? Of(Channel channel) => ProbeConsumer.Find<LoudnessProbe>(channel);

    public LoudnessSettings Settings => _settings;

    /// <summary>The live meters and the item on air so far.</summary>
    public LoudnessStatus Status()
    {
        lock (_gate)
        {
            return new LoudnessStatus(_settings.Target,
                [.. _settings.Meters.Select((m, i) => LoudnessMeterStatus.Of(m.Name, m.Layout, _readings[i]))],
                LoudnessMeterStatus.Value(_itemReading.Integrated), LoudnessMeterStatus.Value(_itemReading.TruePeak));
        }
    }

    /// <summary>The item <paramref name="key"/> went to air at <paramref name="tick"/> (marks come in tick order, at most a second late).</summary>
    public void MarkItem(long tick, string key) => _marks.Enqueue((tick, key));

    /// <summary>The live meters start again on the next tick (an operator's reset of the integrated figure).</summary>
    public void ResetMeters() => Interlocked.Exchange(ref _resetRequested, 1);

    /// <summary>Calls <paramref name="observer"/> on the probe thread with each item's figures once its last frame is measured.</summary>
    public IDisposable Subscribe(Action<ItemLoudness> observer)
    {
        lock (_gate)
            _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    public void Process(long tick, Frame video, AudioFrame audio)
    {
        if (Interlocked.Exchange(ref _resetRequested, 0) == 1)
        {
            foreach (var meter in _live)
                meter.Reset();
        }
        foreach (var meter in _live)
            meter.Add(audio);
        lock (_gate)
        {
            for (int i = 0; i < _live.Length; i++)
                _readings[i] = _live[i].Reading;
        }
        // The slot this tick takes holds the sound of a second ago: it goes to the item meter first.
        int slot = (int)(tick % _ring.Length);
        if (_ringTick[slot] >= 0)
            Measure(_ringTick[slot], _ring[slot].AsSpan(0, _ringLength[slot]));
        audio.Samples.CopyTo(_ring[slot]);
        (_ringLength[slot], _ringTick[slot]) = (audio.Samples.Length, tick);
        _lastTick = tick;
    }

    /// <summary>Measures what is still held back and ends the item on air, so its figures are published.</summary>
    public void Dispose()
    {
        foreach (int slot in Enumerable.Range(0, _ring.Length).Where(s => _ringTick[s] >= 0).OrderBy(s => _ringTick[s]))
            Measure(_ringTick[slot], _ring[slot].AsSpan(0, _ringLength[slot]));
        Array.Fill(_ringTick, -1);
        Finish(_lastTick + 1);
    }

    private void Measure(long tick, ReadOnlySpan<float> samples)
    {
        while (_marks.TryPeek(out var mark) && mark.Tick <= tick)
        {
            _marks.TryDequeue(out _);
            Finish(mark.Tick);
            _current = mark;
        }
        _item.Add(samples);
        var reading = _item.Reading;
        lock (_gate)
            _itemReading = reading;
        Judge(reading);
    }

    /// <summary>
    /// The item on air is held to the ceiling at once, and to the target once enough of it has been measured. The loudness
    /// alarm stands until an item is judged on target, so a channel that stays off target is one alarm, brought up to date
    /// with each item's figures, not a new one per item.
    /// </summary>
    private void Judge(LoudnessReading reading)
    {
        if (reading.TruePeak > _settings.Ceiling && Changed(ref _peakSaid, _peakAlarm, reading.TruePeak))
            _channel.Alarms.Raise(_peakAlarm, AlarmSeverity.Warning,
                $"{ItemName}: true peak {reading.TruePeak:0.0} dBTP, over the ceiling of {_settings.Ceiling:0.#} dBTP");
        double off = reading.Integrated - _settings.Target;
        if (_item.SampleFrames < _judgedAfter || !LoudnessReading.HasValue(reading.Integrated))
            return;
        if (Math.Abs(off) > _settings.Tolerance)
        {
            if (Changed(ref _loudnessSaid, _loudnessAlarm, reading.Integrated))
                _channel.Alarms.Raise(_loudnessAlarm, AlarmSeverity.Warning,
                    $"{ItemName}: integrated {reading.Integrated:0.0} LUFS, {off:+0.0;-0.0} LU from the target {_settings.Target:0.#} LUFS (tolerance {_settings.Tolerance:0.#} LU)");
        }
        else if (_channel.Alarms.IsActive(_loudnessAlarm))
            _channel.Alarms.Clear(_loudnessAlarm);
    }

    private string ItemName => _current.Key is { } key ? $"item {key}" : "the programme";

    /// <summary>
    /// Whether the alarm's message would read differently from the last one raised (another item, or the figure changed
    /// at the tenth shown), so a programme off target formats its message when the figure moves, not every frame.
    /// </summary>
    private bool Changed(ref (string? Key, double Shown) said, string alarm, double value)
    {
        var now = (_current.Key, Math.Round(value, 1));
        if (now == said && _channel.Alarms.IsActive(alarm))
            return false;
        said = now;
        return true;
    }

    /// <summary>The item being measured ended before <paramref name="end"/>: its figures go out and the meter starts again.</summary>
    private void Finish(long end)
    {
        var r = _item.Reading;
        ItemLoudness? measured = _current.Key is { } key && _item.SampleFrames > 0
            ? new(key, _current.Tick, end, LoudnessMeterStatus.Value(r.Integrated), LoudnessMeterStatus.Value(r.TruePeak), LoudnessMeterStatus.Value(r.Range))
            : null;
        _item.Reset();
        lock (_gate)
            _itemReading = LoudnessReading.None;
        // An item that ended under the ceiling ends the true-peak alarm (the next over raises it again).
        if (!(r.TruePeak > _settings.Ceiling) && _channel.Alarms.IsActive(_peakAlarm))
            _channel.Alarms.Clear(_peakAlarm);
        // Last: an observer that throws fails this tick's probe (its alarm), never the next item's measuring.
        if (measured is not null)
        {
            foreach (var observer in Volatile.Read(ref _observers))
                observer(measured);
        }
    }

    private sealed class Subscription(LoudnessProbe probe, Action<ItemLoudness> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (probe._gate)
                probe._observers = [.. probe._observers.Where(o => o != observer)];
        }
    }
}
