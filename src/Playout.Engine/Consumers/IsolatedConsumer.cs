using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// Runs a consumer that does not promise <see cref="IConsumer.NeverBlocks"/> on a thread of its own: the tick only offers
/// each programme frame to a small queue, and a Send that blocks or throws costs that output its frames (dropped and
/// counted, its alarm raised), never the channel its frame rate.
/// </summary>
public sealed class IsolatedConsumer : IConsumer
{
    private readonly IConsumer _inner;
    private readonly ChannelContext _channel;
    private readonly FrameHandoff _queue = new(2);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly string _alarmSource;
    private long _dropped;

    public IsolatedConsumer(IConsumer inner, ChannelContext channel)
    {
        _inner = inner;
        _channel = channel;
        _alarmSource = $"{channel.Name}/output {inner.Name}";
        _thread = new Thread(Run) { Name = $"{channel.Name} {inner.Name}", IsBackground = true };
        _thread.Start();
    }

    public string Name => _inner.Name;

    /// <summary>The consumer this one runs on its own thread.</summary>
    public IConsumer Inner => _inner;

    public bool NeverBlocks => true;

    public ConsumerCounters Counters
    {
        get
        {
            var inner = _inner.Counters;
            return inner with { Dropped = inner.Dropped + Interlocked.Read(ref _dropped) };
        }
    }

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        if (_queue.TryAdd(tick, video, audio))
            return;
        if (Interlocked.Increment(ref _dropped) == 1 || !_channel.Alarms.IsActive(_alarmSource))
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Warning, $"{Name} is behind; its frames are dropped");
    }

    /// <summary>Stops the output's thread (waiting at most 5 s for a Send in progress) and disposes the consumer.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (!_thread.Join(TimeSpan.FromSeconds(5)))
        {
            // Its Send never returned: leave that thread and the consumer alone rather than hang shutdown.
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, $"{Name} did not stop within 5 s; abandoned");
            return;
        }
        _queue.Dispose();
        _inner.Dispose();
    }

    private void Run()
    {
        // An output on air (a card, a file): ahead of the control traffic, behind the tick.
        Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.AboveNormal);
        while (_queue.TryTake(out var item, _stop.Token))
        {
            try
            {
                _inner.Send(item.Tick, item.Video, item.Audio);
                if (_channel.Alarms.IsActive(_alarmSource))
                    _channel.Alarms.Clear(_alarmSource);
            }
            catch (Exception error)
            {
                _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, $"{Name} failed: {error.Message}");
            }
            finally
            {
                item.Release();
            }
        }
    }
}
