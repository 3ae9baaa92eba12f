using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Mixing;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Engine.Channels;

/// <summary>
/// One channel on air: a clock, a stage of layers, the mixers and the consumers, driven by one tick per frame
/// on a dedicated high-priority thread. Each tick applies the commands due, asks every layer for its frame,
/// mixes picture and sound, and hands the programme to every consumer. Nothing in a tick waits on I/O or on a
/// lock another thread holds for long. Faults are isolated where they happen: a command that throws fails alone,
/// a layer that throws shows the filler (programme layer) or nothing, a mixer that throws sends black and silence,
/// an output that throws raises its own alarm; every frame the tick rented or received is released on every path.
/// </summary>
public sealed class Channel : IDisposable
{
    private readonly IChannelClock _clock;
    private readonly Producer _filler;
    private readonly ChannelStage _stage;
    private readonly CommandQueue _commands = new();
    private readonly V210Compositor _compositor;
    private readonly VideoMixer _videoMixer;
    private readonly AudioMixer _audioMixer;
    private readonly Media.Frames.Frame _black;
    private readonly Lock _stageLock = new();
    private readonly string _alarmSource;
    private readonly string _mixerAlarmSource;
    private readonly Action<ChannelCommand, Exception> _commandFailed;
    private readonly StatusPublisher _status;
    private volatile OutputSlot[] _outputs = [];
    private Thread? _thread;
    private volatile bool _stopping;
    private long _tick;
    private bool _tickFailed;
    private bool _ticked;
    private bool _mixerFailed;

    /// <param name="filler">What stands in for a failed, late or finished producer on the programme layer (black, a slate); the channel owns it.</param>
    public Channel(ChannelContext context, IChannelClock clock, Producer filler)
    {
        Context = context;
        _clock = clock;
        context.Clock = clock;
        _filler = filler;
        _alarmSource = $"{context.Name}/tick";
        _mixerAlarmSource = $"{context.Name}/mixer";
        _commandFailed = CommandFailed;
        _stage = new ChannelStage(context);
        // Every buffer is allocated and touched now: the first logo or dissolve on air must not wait for page faults.
        context.VideoPool.Preallocate();
        context.AudioPool.Preallocate();
        var format = context.Format;
        _compositor = new V210Compositor(format.Width, format.Height, context.Name, clock.RealTime);
        _black = context.VideoPool.Rent();
        V210Painter.PaintSolid(_black, 64, 512, 512);
        _black.Commit();
        _videoMixer = new VideoMixer(context.VideoPool, _compositor, _black, context.Degradation);
        _audioMixer = new AudioMixer(context.AudioPool, format.AudioCadence, context.Degradation);
        _status = new StatusPublisher(this);
        Slips = new ChannelSlips(context.Name, context.Alarms, quietTicks: (int)Math.Ceiling(format.FrameRate.ToDouble()));
    }

    public ChannelContext Context { get; }
    public string Name => Context.Name;

    /// <summary>One past the frame number of the last tick run (the ticks so far, unless the clock skipped frames).</summary>
    public long Tick => Interlocked.Read(ref _tick);

    public bool IsRunning => _thread is not null && !_stopping;

    public TickTimings Timings { get; } = new();

    /// <summary>Frames the channel skipped because its tick came late (the clock jumped to the reference's frame).</summary>
    public ChannelSlips Slips { get; }

    /// <summary>The UTC instant frame 0 airs at on the clock's timeline: tick n airs at this plus n frame periods.</summary>
    public DateTimeOffset Epoch => _clock.Epoch;

    /// <summary>When tick <paramref name="tick"/> airs (aired) on the clock's timeline, to 100 ns.</summary>
    public DateTimeOffset AirTime(long tick) => _clock.Epoch + Context.Format.TimeOf(tick);

    /// <summary>Ticks on which something failed outside a command, layer or output (the mix itself).</summary>
    public long FailedTicks { get; private set; }

    /// <summary>Adds an output; one that does not promise <see cref="IConsumer.NeverBlocks"/> gets a thread of its own.</summary>
    public void AddConsumer(IConsumer consumer)
    {
        var slot = new OutputSlot(consumer.NeverBlocks ? consumer : new IsolatedConsumer(consumer, Context), $"{Name}/output {consumer.Name}");
        lock (_stageLock)
            _outputs = [.. _outputs, slot];
    }

    /// <summary>
    /// Takes an output added by <see cref="AddConsumer"/> off the channel at the next tick boundary (so no tick is still
    /// sending to it) and disposes it off the tick; false when the channel does not have it.
    /// </summary>
    public Task<bool> RemoveConsumer(IConsumer consumer)
    {
        bool removed = false;
        var command = new ChannelCommand($"remove output {consumer.Name}", _ =>
        {
            var slot = _outputs.FirstOrDefault(o => ReferenceEquals(o.Consumer, consumer) || o.Consumer is IsolatedConsumer { Inner: var inner } && ReferenceEquals(inner, consumer));
            if (slot is null)
                return;
            _outputs = [.. _outputs.Where(o => o != slot)];
            Context.Alarms.Clear(slot.AlarmSource);
            Context.Background.Dispose(slot.Consumer);
            removed = true;
        });
        return Execute(command).ContinueWith(applied => applied.IsCompletedSuccessfully && removed, TaskScheduler.Default);
    }

    public IReadOnlyList<IConsumer> Consumers => [.. _outputs.Select(o => o.Consumer)];

    /// <summary>Queues a command; it applies at its tick (or the next one) without ever blocking the tick.</summary>
    public Task<long> Execute(ChannelCommand command)
    {
        if (_stopping)
            command.Reject($"{Name} is stopping");
        else
            _commands.Enqueue(command);
        return command.Applied;
    }

    /// <summary>Starts ticking on a dedicated thread.</summary>
    public void Start()
    {
        if (_thread is not null)
            throw new InvalidOperationException($"{Name} is already running");
        _thread = new Thread(Loop) { Name = $"{Name} tick", IsBackground = true };
        _thread.Start();
        Context.Logger.LogInformation("{Channel} on air: {Format} on the {Clock}", Name, Context.Format.Name, _clock.Source);
    }

    /// <summary>Stops after the tick in progress; waiting commands fail.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread?.Join();
        _commands.RejectAll($"{Name} stopped");
    }

    /// <summary>
    /// The tick the earliest waiting command is due at (null: none waits), for a caller that runs the ticks itself
    /// (<see cref="RunTicks"/>) on a clock that jumps ahead: jumping past it would refuse the command.
    /// </summary>
    public long? NextCommandTick => _thread is null ? _commands.NextDue(Tick) : throw new InvalidOperationException($"{Name} is running on its own thread");

    /// <summary>Runs <paramref name="count"/> ticks on the calling thread (tests, benchmarks); not while <see cref="Start"/>ed.</summary>
    public void RunTicks(long count)
    {
        if (_thread is not null)
            throw new InvalidOperationException($"{Name} is running on its own thread");
        for (long i = 0; i < count; i++)
            RunTick();
    }

    /// <summary>
    /// The channel as the tick last saw it. A running channel's tick builds the snapshot at the end of a tick when one
    /// is asked for, so a reader never takes the stage's lock; a stalled tick answers with the last snapshot after two
    /// frames rather than keep the reader waiting.
    /// </summary>
    public ChannelStatus Status() => _status.Read(_thread is not null && !_stopping);

    public void Dispose()
    {
        Stop();
        _stage.Dispose();
        _filler.Dispose();
        // Producers retired off the tick still hold pool frames until their threads have finished.
        if (!Context.Background.Drain(TimeSpan.FromSeconds(30)))
            Context.Logger.LogError("{Channel}: producers still closing after 30 s", Name);
        foreach (var output in _outputs)
        {
            try
            {
                output.Consumer.Dispose();
            }
            catch (Exception error)
            {
                Context.Logger.LogError(error, "{Channel}: closing {Output} failed", Name, output.Consumer.Name);
            }
        }
        _audioMixer.Dispose();
        _compositor.Dispose();
        _black.Release();
        _clock.Dispose();
    }

    /// <summary>The layers' state for a status snapshot; tick thread (or the thread running <see cref="RunTicks"/>).</summary>
    internal LayerStatus[] LayerStatuses()
    {
        var layers = new LayerStatus[_stage.Count];
        int i = 0;
        foreach (var l in _stage.Layers)
            layers[i++] = new LayerStatus(l.Number, l.Foreground?.ToString(), l.Background?.ToString(), l.Foreground?.Position ?? 0,
                l.Foreground?.Length, l.InTransition, l.Volume, l.Opacity, l.FillerTicks, l.Foreground?.Failure, l.DrivenBy,
                l.Foreground?.IsPaused ?? false, l.Foreground?.Loops ?? false, l.Foreground?.Source, l.Background?.Source, l.AutoTake);
        return layers;
    }

    internal (string Source, bool Locked, long LateTicks) ClockState => (_clock.Source, _clock.IsLocked, _clock.LateTicks);

    private void Loop()
    {
        // Ahead of the service's control traffic for the CPU: a burst of HTTP or AMCP requests must not delay a tick.
        if (_clock.RealTime && Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.Highest) is { } notRaised)
            Context.Logger.LogWarning("{Channel}: {Reason}", Name, notRaised);
        while (!_stopping)
            RunTick();
    }

    private void RunTick()
    {
        var due = _clock.WaitNextTick();
        // The clock's frame number is the tick: a clock that jumps ahead makes the channel skip frames, never repeat one.
        long tick = Math.Max(due.Frame, _tick), deadline = due.Deadline, start = Stopwatch.GetTimestamp();
        if (tick > _tick && _ticked)
            Slips.Report(tick - _tick, tick);
        _ticked = true;
        lock (_stageLock)
            _commands.ApplyDue(tick, _stage, _commandFailed);
        int samples = Context.Format.AudioSamplesForFrame(tick);
        var produce = new ProduceContext(tick, samples, deadline);
        Span<LayerOutput> layers = default;
        Media.Frames.Frame? video = null;
        Media.Audio.AudioFrame? audio = null;
        long produced = start, mixed = start;
        bool failed = false;
        try
        {
            layers = _stage.Produce(produce, _filler, _compositor);
            produced = Stopwatch.GetTimestamp();
            (video, audio) = Mix(_stage.Shown(layers), tick, samples);
            mixed = Stopwatch.GetTimestamp();
        }
        catch (Exception error)
        {
            failed = true;
            TickFailed(tick, error);
        }
        finally
        {
            foreach (ref readonly var layer in layers)
                layer.Release();
        }
        // Whatever happened above, the outputs get a picture and sound for this tick: they keep their frame rate.
        video ??= _black.AddRef();
        audio ??= _audioMixer.Silence(samples);
        Send(tick, video, audio);
        video.Release();
        audio.Release();
        Timings.Record(start, produced, mixed, Stopwatch.GetTimestamp());
        Context.Degradation.EndTick();
        Slips.EndTick();
        _status.EndTick();
        if (!failed && _tickFailed)
        {
            _tickFailed = false;
            Context.Alarms.Clear(_alarmSource);
        }
        Interlocked.Exchange(ref _tick, tick + 1);
    }

    /// <summary>Mixes the programme; a mixer that throws gives black and silence for this tick and raises the mixer's alarm.</summary>
    private (Media.Frames.Frame Video, Media.Audio.AudioFrame Audio) Mix(Span<LayerOutput> layers, long tick, int samples)
    {
        Media.Frames.Frame? video = null;
        try
        {
            video = _videoMixer.Mix(layers, tick);
            var audio = _audioMixer.Mix(layers, samples);
            if (_mixerFailed)
            {
                _mixerFailed = false;
                Context.Alarms.Clear(_mixerAlarmSource);
            }
            return (video, audio);
        }
        catch (Exception error)
        {
            video?.Release();
            _mixerFailed = true;
            FailedTicks++;
            Context.Alarms.Raise(_mixerAlarmSource, AlarmSeverity.Critical, $"mixing failed ({error.GetType().Name}: {error.Message}); black and silence on air");
            Context.Logger.LogError(error, "{Channel} tick {Tick}: mixing failed", Name, tick);
            return (_black.AddRef(), _audioMixer.Silence(samples));
        }
    }

    /// <summary>Hands the programme to every output; one that throws raises its own alarm and the others still get the frame.</summary>
    private void Send(long tick, Media.Frames.Frame video, Media.Audio.AudioFrame audio)
    {
        foreach (var output in _outputs)
        {
            try
            {
                output.Consumer.Send(tick, video, audio);
                if (output.Failed)
                {
                    output.Failed = false;
                    Context.Alarms.Clear(output.AlarmSource);
                }
            }
            catch (Exception error)
            {
                // Once per episode, or when the reason changes (a stalled card whose link is then lost).
                if (!output.Failed || error.Message != output.FailedWith)
                {
                    output.Failed = true;
                    output.FailedWith = error.Message;
                    Context.Alarms.Raise(output.AlarmSource, AlarmSeverity.Major, $"{output.Consumer.Name} failed: {error.GetType().Name}: {error.Message}");
                    Context.Logger.LogError(error, "{Channel} tick {Tick}: output {Output} failed", Name, tick, output.Consumer.Name);
                }
            }
        }
    }

    private void CommandFailed(ChannelCommand command, Exception error)
    {
        // Refusals the command expects (bad argument, wrong state) are its caller's business; anything else is a bug worth a log line.
        if (error is not (ArgumentException or InvalidOperationException or FormatException))
            Context.Logger.LogError(error, "{Channel}: command {Command} failed", Name, command);
    }

    private void TickFailed(long tick, Exception error)
    {
        // Never stop ticking: the next tick starts from a clean mix.
        FailedTicks++;
        _tickFailed = true;
        Context.Alarms.Raise(_alarmSource, AlarmSeverity.Critical, $"tick {tick} failed: {error.Message}");
        Context.Logger.LogError(error, "{Channel} tick {Tick} failed", Name, tick);
    }

    /// <summary>An output with the state of its alarm.</summary>
    private sealed class OutputSlot(IConsumer consumer, string alarmSource)
    {
        public IConsumer Consumer { get; } = consumer;
        public string AlarmSource { get; } = alarmSource;
        public bool Failed { get; set; }
        public string? FailedWith { get; set; }
    }
}
