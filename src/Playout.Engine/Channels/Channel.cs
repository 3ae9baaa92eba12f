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
/// lock another thread holds for long, and a tick that throws is logged and alarmed — the next one runs anyway.
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
    private volatile IConsumer[] _consumers = [];
    private Thread? _thread;
    private volatile bool _stopping;
    private long _tick;

    /// <param name="filler">What stands in for a failed or late producer (black, a slate); the channel owns it.</param>
    public Channel(ChannelContext context, IChannelClock clock, Producer filler)
    {
        Context = context;
        _clock = clock;
        _filler = filler;
        _alarmSource = $"{context.Name}/tick";
        _stage = new ChannelStage(context);
        var format = context.Format;
        _compositor = new V210Compositor(format.Width, format.Height);
        _black = context.VideoPool.Rent();
        V210Painter.PaintSolid(_black, 64, 512, 512);
        _black.Commit();
        _videoMixer = new VideoMixer(context.VideoPool, _compositor, _black);
        _audioMixer = new AudioMixer(context.AudioPool, format.AudioCadence);
    }

    public ChannelContext Context { get; }
    public string Name => Context.Name;

    /// <summary>The number of the next tick to run (ticks so far).</summary>
    public long Tick => Interlocked.Read(ref _tick);

    public bool IsRunning => _thread is not null && !_stopping;

    public TickTimings Timings { get; } = new();

    public void AddConsumer(IConsumer consumer)
    {
        lock (_stageLock)
            _consumers = [.. _consumers, consumer];
    }

    public IReadOnlyList<IConsumer> Consumers => _consumers;

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
        _thread = new Thread(Loop) { Name = $"{Name} tick", IsBackground = true, Priority = ThreadPriority.Highest };
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

    /// <summary>Runs <paramref name="count"/> ticks on the calling thread (tests, benchmarks); not while <see cref="Start"/>ed.</summary>
    public void RunTicks(long count)
    {
        if (_thread is not null)
            throw new InvalidOperationException($"{Name} is running on its own thread");
        for (long i = 0; i < count; i++)
            RunTick();
    }

    public ChannelStatus Status()
    {
        LayerStatus[] layers;
        lock (_stageLock)
        {
            layers = [.. _stage.Layers.Select(l => new LayerStatus(l.Number, l.Foreground?.ToString(), l.Background?.ToString(),
                l.Foreground?.Position ?? 0, l.Foreground?.Length, l.InTransition, l.Volume, l.Opacity, l.FillerTicks, l.Foreground?.Failure))];
        }
        return new ChannelStatus(Name, Context.Format.Name, IsRunning, Tick, _clock.Source, _clock.IsLocked, _clock.LateTicks,
            Timings.Summarize(), Context.Format.FrameDuration.ToDouble() * 1e6, layers,
            [.. _consumers.Select(c => new ConsumerStatus(c.Name, c.Counters))],
            [.. Context.Alarms.Active.Where(a => a.Source.StartsWith(Name + "/", StringComparison.Ordinal))],
            Context.VideoPool.Outstanding, Context.AudioPool.Outstanding);
    }

    public void Dispose()
    {
        Stop();
        _stage.Dispose();
        _filler.Dispose();
        // Producers retired off the tick still hold pool frames until their threads have finished.
        if (!Context.Background.Drain(TimeSpan.FromSeconds(30)))
            Context.Logger.LogError("{Channel}: producers still closing after 30 s", Name);
        foreach (var consumer in _consumers)
            consumer.Dispose();
        _audioMixer.Dispose();
        _black.Release();
        _clock.Dispose();
    }

    private void Loop()
    {
        while (!_stopping)
            RunTick();
    }

    private void RunTick()
    {
        long deadline = _clock.WaitNextTick();
        long tick = _tick, start = Stopwatch.GetTimestamp();
        try
        {
            lock (_stageLock)
                _commands.ApplyDue(tick, _stage);
            int samples = Context.Format.AudioSamplesForFrame(tick);
            var layers = _stage.Produce(new ProduceContext(tick, samples, deadline), _filler, _compositor);
            long produced = Stopwatch.GetTimestamp();
            var video = _videoMixer.Mix(layers, tick);
            var audio = _audioMixer.Mix(layers, samples);
            foreach (ref readonly var layer in layers)
                layer.Release();
            long mixed = Stopwatch.GetTimestamp();
            foreach (var consumer in _consumers)
                consumer.Send(tick, video, audio);
            video.Release();
            audio.Release();
            Timings.Record(start, produced, mixed, Stopwatch.GetTimestamp());
            if (Context.Alarms.IsActive(_alarmSource))
                Context.Alarms.Clear(_alarmSource);
        }
        catch (Exception error)
        {
            // Never stop ticking: the next tick starts from a clean mix.
            Context.Alarms.Raise(_alarmSource, AlarmSeverity.Critical, $"tick {tick} failed: {error.Message}");
            Context.Logger.LogError(error, "{Channel} tick {Tick} failed", Name, tick);
        }
        Interlocked.Increment(ref _tick);
    }
}
