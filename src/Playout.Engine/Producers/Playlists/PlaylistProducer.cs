using System.Diagnostics;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Producers.Clips;

namespace Playout.Engine.Producers.Playlists;

/// <summary>
/// Clips played back to back on one layer, frame-accurately: the next clip pre-rolls while the current one plays
/// and takes over on the tick after the current one's last frame. A clip that cannot be played is covered by the
/// channel's filler for its planned length (its alarm names the file and FFmpeg's error), then the next one
/// starts on time; one with no planned length is passed over, before its turn when it has failed by then (so the
/// item after it pre-rolls and follows without a gap), under an alarm naming it that stands until it plays.
/// Optionally loops back to the first item.
/// </summary>
public sealed class PlaylistProducer : Producer
{
    private readonly ChannelContext _channel;
    private readonly IReadOnlyList<PlaylistItem> _items;
    private readonly bool _loop;
    private ClipProducer? _current;
    private Task<ClipProducer>? _next;
    private int _index, _nextIndex;
    private readonly HashSet<int> _passedOver = [];
    private long _itemTicks;
    private bool _finished;
    private bool _playing = true;

    public PlaylistProducer(ChannelContext channel, string name, IReadOnlyList<PlaylistItem> items, bool loop) : base(name)
    {
        if (items.Count == 0)
            throw new ArgumentException($"playlist {name} has no items");
        _channel = channel;
        _items = items;
        _loop = loop;
        _current = Open(0);
        _next = OpenAfter(0);
    }

    /// <summary>The item playing now (0-based).</summary>
    public int Index => _index;

    public override bool IsReady => _current?.IsReady ?? true;
    public override bool IsFinished => _finished;
    public override long? Length => _current?.Length;
    public override long Position => _current?.Position ?? 0;

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        frame = default;
        PassOverFailedNext();
        if (_current is null && (_finished || !TakeNext(context.Deadline)))
            return false;
        if (_playing)
            _itemTicks++;
        // At most one switch per tick: a clip that is over hands the same tick to the next, which plays at once.
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var current = _current!;
            if (current.TryReceive(context, out frame))
            {
                Failure = null;
                if (_passedOver.Remove(_index))
                    _channel.Alarms.Clear(ItemAlarm(_index));
                return true;
            }
            if (!ItemOver(current))
            {
                Failure = current.Failure;
                return false;
            }
            _channel.Background.Dispose(_current);
            _current = null;
            if (!TakeNext(context.Deadline))
                return false;
            if (_playing)
                _itemTicks++;
        }
        return false;
    }

    public override void Play()
    {
        _playing = true;
        _current?.Play();
    }

    public override void Pause()
    {
        _playing = false;
        _current?.Pause();
    }

    public override string ToString() => _current is null ? $"{Name}: ended" : $"{Name}: {_current.Name} ({_index + 1}/{_items.Count})";

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (int index in _passedOver)
            _channel.Alarms.Clear(ItemAlarm(index));
        _current?.Dispose();
        // The next item is opened on the channel's off-tick thread; disposing it there too runs after the open, never waits here.
        if (_next is { } next)
            _channel.Background.Run(() => next.Result.Dispose());
        _current = null;
        _next = null;
    }

    /// <summary>The current item has run its course: played to its end, or failed and been covered for its planned length.</summary>
    private bool ItemOver(ClipProducer current)
    {
        if (current.IsFinished)
            return true;
        if (current.Failure is not { } failure)
            return false;
        if (_items[_index].Planned is not { } time)
        {
            PassOver(_index, failure);
            return true;
        }
        return _itemTicks > _channel.Format.FrameIndexAt(time);
    }

    /// <summary>
    /// The item opening next has failed already (a damaged or missing file) and has no planned time to fill: it is
    /// passed over now, so the one after it opens while the current item still plays. Never the item on air again
    /// (a playlist of nothing playable covers each item in turn instead of reopening files every tick).
    /// </summary>
    private void PassOverFailedNext()
    {
        while (_next is { IsCompletedSuccessfully: true } next && next.Result.DecodeFailure is { } failure && _items[_nextIndex].Planned is null
            && (_nextIndex + 1) % _items.Count != _index)
        {
            PassOver(_nextIndex, failure);
            _channel.Background.Dispose(next.Result);
            _next = OpenAfter(_nextIndex);
        }
    }

    private void PassOver(int index, string failure)
    {
        _passedOver.Add(index);
        _channel.Alarms.Raise(ItemAlarm(index), AlarmSeverity.Major, $"{Name}: item {index + 1} passed over: {failure}");
    }

    private string ItemAlarm(int index) => $"{_channel.Name}/{Name}/item {index + 1}";

    /// <summary>
    /// Puts the next item on air once it has opened (off the tick, when the item before started, so normally long
    /// ago); the tick waits for it no later than its deadline, then the playlist is late and the filler covers. False
    /// when there is none yet (or no more: <see cref="IsFinished"/>).
    /// </summary>
    private bool TakeNext(long deadline)
    {
        if (_next is null)
        {
            _finished = true;
            return false;
        }
        if (!_next.IsCompleted && !((IAsyncResult)_next).AsyncWaitHandle.WaitOne(TimeLeft(deadline)))
            return false;
        _index = _nextIndex;
        var opened = _next;
        _next = OpenAfter(_index);
        _itemTicks = 0;
        if (!opened.IsCompletedSuccessfully)
        {
            // Creating a clip only starts its decoder (file errors come later, as its Failure); a throw here is a bug: skip the item.
            Failure = opened.Exception?.InnerException?.Message ?? "the item could not be opened";
            return false;
        }
        _current = opened.Result;
        return true;
    }

    private static TimeSpan TimeLeft(long deadline) =>
        TimeSpan.FromTicks(Math.Max(0, (long)((deadline - Stopwatch.GetTimestamp()) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    /// <summary>Starts opening the item after <paramref name="index"/> off the tick (creating a clip starts its decoder thread and buffers).</summary>
    private Task<ClipProducer>? OpenAfter(int index)
    {
        int next = index + 1;
        if (next == _items.Count && !_loop)
            return null;
        int item = _nextIndex = next % _items.Count;
        return _channel.Background.Run(() => Open(item));
    }

    private ClipProducer Open(int index) => new(_channel, _items[index].Url, _items[index].Options);
}
