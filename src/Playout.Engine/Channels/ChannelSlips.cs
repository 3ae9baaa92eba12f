using Playout.Engine.Alarms;
using Playout.Engine.Clocks;

namespace Playout.Engine.Channels;

/// <summary>
/// Counts the frames a channel slipped (its tick came a whole frame or more late, so it jumped to the reference's frame and the
/// frames between never aired; the outputs repeated the last one) and raises one latched alarm per episode with its count: an
/// episode starts with a slip and ends after a second without one; the alarm stays listed for <see cref="ClockAlarms.Latch"/>
/// after that. Reported from the tick thread; read from any.
/// </summary>
public sealed class ChannelSlips
{
    private readonly AlarmBoard _alarms;
    private readonly string _source;
    private readonly int _quietTicks;
    private long _frames;
    private long _episodes;
    private long _inEpisode;
    private int _quiet = -1;
    private long _lastTick;

    /// <summary>Ticks since the alarm's message was last made, and whether slips came since.</summary>
    private int _sinceMessage;
    private bool _stale;

    internal ChannelSlips(string channel, AlarmBoard alarms, int quietTicks)
    {
        _alarms = alarms;
        _source = ClockAlarms.Slips(channel);
        _quietTicks = quietTicks;
    }

    /// <summary>Frames slipped since the channel started.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Slip episodes since the channel started (each raised one alarm).</summary>
    public long Episodes => Interlocked.Read(ref _episodes);

    /// <summary>
    /// The tick jumped over <paramref name="frames"/> frames to <paramref name="tick"/>. Tick thread. The first slip of an
    /// episode raises the alarm; later ones are counted, and the alarm's count is brought up to date at most once a
    /// second and when the episode ends, so a starved channel does not build a message on every late tick.
    /// </summary>
    internal void Report(long frames, long tick)
    {
        Interlocked.Add(ref _frames, frames);
        _inEpisode += frames;
        _lastTick = tick;
        if (_quiet < 0)
        {
            Interlocked.Increment(ref _episodes);
            _alarms.Raise(_source, AlarmSeverity.Major, Message(), ClockAlarms.Latch);
            _sinceMessage = 0;
            _stale = false;
        }
        else
            _stale = true;
        _quiet = 0;
    }

    /// <summary>Ends a tick: a second without a slip ends the episode (its alarm stays listed for its latch). Tick thread.</summary>
    internal void EndTick()
    {
        if (_quiet < 0)
            return;
        bool ending = ++_quiet > _quietTicks;
        if (_stale && (ending || ++_sinceMessage >= _quietTicks))
        {
            if (!_alarms.Update(_source, Message(), ClockAlarms.Latch))
                _alarms.Raise(_source, AlarmSeverity.Major, Message(), ClockAlarms.Latch);
            _sinceMessage = 0;
            _stale = false;
        }
        if (ending)
        {
            _quiet = -1;
            _inEpisode = 0;
            _alarms.Clear(_source);
        }
    }

    private string Message() =>
        $"{_inEpisode} frame(s) slipped: the channel fell behind its reference and jumped to its frame (last to tick {_lastTick}); the outputs repeated a frame";
}
