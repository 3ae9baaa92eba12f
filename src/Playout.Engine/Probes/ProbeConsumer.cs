using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Probes;

/// <summary>
/// Runs the channel's <see cref="IProgrammeProbe"/>s on a thread of their own, off the tick's critical path: Send only
/// offers the programme (one reference each) to a small <see cref="FrameHandoff"/> and returns, dropping and counting
/// the frame when the probes are behind. Probes read the frames and never write them; every frame is released on every
/// path. A probe that throws raises its own alarm (<c>&lt;channel&gt;/probe/&lt;name&gt;</c>, cleared when it works
/// again) and the others go on.
/// </summary>
public sealed class ProbeConsumer : IConsumer
{
    private readonly ChannelContext _channel;
    private readonly IProgrammeProbe[] _probes;
    private readonly string[] _sources;
    private readonly bool[] _failing;
    private readonly FrameHandoff _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _sent;
    private long _dropped;
    private long _failures;

    /// <param name="queue">Frames that may wait for the probe thread before new ones are dropped.</param>
    public ProbeConsumer(ChannelContext channel, IReadOnlyList<IProgrammeProbe> probes, int queue = 4)
    {
        _channel = channel;
        _probes = [.. probes];
        _sources = [.. _probes.Select(p => $"{channel.Name}/probe/{p.Name}")];
        _failing = new bool[_probes.Length];
        _queue = new FrameHandoff(queue);
        _thread = new Thread(Run) { Name = $"{channel.Name} probes", IsBackground = true };
        _thread.Start();
    }

    public string Name => "probes";

    public bool NeverBlocks => true;

    public IReadOnlyList<IProgrammeProbe> Probes => _probes;

    /// <summary>The channel's probe of type <typeparamref name="T"/>, or null when it has none.</summary>
    public static T? Find<T>(Channel channel) where T : class, IProgrammeProbe =>
        channel.Consumers.OfType<ProbeConsumer>().SelectMany(c => c.Probes).OfType<T>().FirstOrDefault();

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _dropped));

    /// <summary>Exceptions probes have thrown so far.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        if (_queue.TryAdd(tick, video, audio))
            Interlocked.Increment(ref _sent);
        else
            Interlocked.Increment(ref _dropped);
    }

    /// <summary>
    /// Stops the probe thread after the frame in hand (waiting at most 5 s), releases the frames still queued and disposes
    /// the probes. A probe that never returns is left with its thread rather than hang the channel's shutdown.
    /// </summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (!_thread.Join(TimeSpan.FromSeconds(5)))
        {
            _channel.Logger.LogError("{Channel}: a probe did not return within 5 s of shutdown; its thread is abandoned", _channel.Name);
            return;
        }
        _queue.Dispose();
        _stop.Dispose();
        foreach (var probe in _probes)
            (probe as IDisposable)?.Dispose();
    }

    private void Run()
    {
        // Probes may fall behind (their queue drops) but never take the tick's or an encoder's time.
        Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.BelowNormal);
        while (_queue.TryTake(out var item, _stop.Token))
        {
            try
            {
                for (int i = 0; i < _probes.Length; i++)
                    Process(i, item);
            }
            finally
            {
                item.Release();
            }
        }
    }

    private void Process(int index, FrameHandoff.Item item)
    {
        var (probe, source) = (_probes[index], _sources[index]);
        try
        {
            probe.Process(item.Tick, item.Video, item.Audio);
            if (_failing[index])
            {
                _failing[index] = false;
                _channel.Alarms.Clear(source);
            }
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _failures);
            _channel.Alarms.Raise(source, AlarmSeverity.Major, $"probe {probe.Name} failed: {error.GetType().Name}: {error.Message}");
            if (!_failing[index])
                _channel.Logger.LogError(error, "{Channel} tick {Tick}: probe {Probe} failed", _channel.Name, item.Tick, probe.Name);
            _failing[index] = true;
        }
    }
}
