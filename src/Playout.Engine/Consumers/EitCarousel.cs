using Playout.Engine.Channels;
using Playout.Interop;
using Playout.Media.Metadata;

namespace Playout.Engine.Consumers;

/// <summary>
/// DVB's now and next in an MPEG-TS output (<see cref="StreamSettings.Eit"/>): the channel's guide as EIT
/// present/following sections, a new version when the guide changes, sent again every <see cref="StreamConsumer.EitRepeat"/>
/// (DVB asks for at least every 2 s). On the encoder's thread; the guide is read as the encoder reaches each frame.
/// </summary>
internal sealed class EitCarousel(ChannelContext channel, string language)
{
    private readonly long _repeatFrames = Math.Max(1, channel.Format.FrameIndexAt(StreamConsumer.EitRepeat));
    private DvbServiceIds? _ids;
    private ProgrammeGuide? _guide;
    private byte[][] _sections = [];
    private int _version = -1;
    private bool _stale = true;
    private long _sentAt;
    private bool _changed;
    private long _firstTick = -1;
    private DateTimeOffset _firstArrival;

    /// <summary>
    /// A new session of the output (a network output opened again): the service's ids and the first frame's time are
    /// learned again, and the next sections get a new version, so a receiver that kept the last ones reads them.
    /// </summary>
    public void Restart()
    {
        _ids = null;
        _stale = true;
        _firstTick = -1;
    }

    /// <summary>Before the frame of <paramref name="tick"/>, output frame <paramref name="frame"/> (counted from the session's first).</summary>
    public void Send(FfmpegSink sink, long tick, long frame)
    {
        if (_firstTick < 0)
            (_firstTick, _firstArrival) = (tick, DateTimeOffset.UtcNow);
        if (_ids is null)
        {
            // Known once the muxer's first SDT has gone out: the EIT must name the service as the SDT does.
            if (!sink.TryGetServiceIds(out var ids))
                return;
            _ids = ids;
        }
        var guide = channel.Guide;
        if (_stale || !ReferenceEquals(guide, _guide))
        {
            (_guide, _stale) = (guide, false);
            _version = (_version + 1) & 31;
            var ids = _ids.Value;
            _changed = true;
            _sections = EitPresentFollowing.Sections(ids.ServiceId, ids.TransportStreamId, ids.OriginalNetworkId, _version,
                Event(guide?.Present), Event(guide?.Following), language);
        }
        if (!_changed && frame - _sentAt < _repeatFrames)
            return;
        foreach (var section in _sections)
            sink.WriteEit(section);
        (_sentAt, _changed) = (frame, false);
    }

    private DvbEvent? Event(GuideEvent? e) => e is null ? null
        : new DvbEvent((ushort)(1 + e.StartTick % ushort.MaxValue), e.Title, DateOf(e.StartTick),
            e.EndTick is long end ? channel.Format.TimeOf(end) - channel.Format.TimeOf(e.StartTick) : null);

    /// <summary>A tick's date on the channel's timeline (the clock's epoch, or the first frame's arrival without a clock).</summary>
    private DateTimeOffset DateOf(long tick) => channel.Clock is { } clock ? clock.Epoch + channel.Format.TimeOf(tick)
        : _firstArrival + (channel.Format.TimeOf(tick) - channel.Format.TimeOf(_firstTick));
}
