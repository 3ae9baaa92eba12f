using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Producers.Clips;
using Playout.Media.Audio;
using Playout.Media.Frames;
using Playout.Media.Rtp;

namespace Playout.Engine.Producers.St2110;

/// <summary>
/// A live SMPTE ST 2110 input: the -20 video flow an SDP file describes, and the -30 audio flow of the same or another SDP
/// when there is one, received on threads of their own (<see cref="St2110VideoReceiver"/>, <see cref="St2110AudioReceiver"/>).
/// <list type="bullet">
/// <item>Each tick shows the newest whole frame (again, when none came since), with a frame's worth of the sound.</item>
/// <item>Packets lost inside a frame leave those lines as the frame before showed them, and raise a warning on the input
/// (<c>{channel}/input {name}/packets</c>) that clears after a second without loss; so do packets of a second sender on a
/// flow, which are set aside (<see cref="RtpSourceLock"/>).</item>
/// <item>No picture for the hold time, or a flow that cannot be received, is a loss of signal: the layer shows its filler
/// and raises its alarm, and the loss is kept for as-run (<see cref="SignalLosses"/>).</item>
/// </list>
/// The flow must be the channel's raster and rate; this input does not convert.
/// </summary>
public sealed class St2110InputProducer : Producer, ILiveInput
{
    private readonly ChannelContext _channel;
    private readonly St2110VideoReceiver _video;
    private readonly St2110AudioReceiver? _audio;
    private readonly LiveSignal _signal;
    private readonly string _alarmSource;
    private readonly long _ticksASecond;
    private Frame? _current;
    private long _nextCheck;
    private (long Lost, long Reordered, long Incomplete, long Foreign) _lastCheck;

    /// <exception cref="InvalidDataException">An SDP this input cannot take, or a flow that is not the channel's format; the message names the file and line.</exception>
    /// <exception cref="IOException">An SDP file that cannot be read.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A flow's address is not this host's, or its port is taken.</exception>
    public St2110InputProducer(ChannelContext channel, string sdp, string? audioSdp, TimeSpan holdLast) : base($"st2110 {Path.GetFileName(sdp)}")
    {
        _channel = channel;
        var media = SessionDescription.Parse(File.ReadAllText(sdp), sdp);
        var video = media.FirstOrDefault(m => m.Kind == "video") ?? throw new InvalidDataException($"{sdp}: no video (m=video) flow");
        var flow = St2110VideoFlow.From(video, sdp);
        var format = channel.Format;
        if (flow.Width != format.Width || flow.Height != format.Height || flow.FrameRate != format.FrameRate || flow.Interlaced != format.IsInterlaced)
            throw SessionDescription.Error(sdp, video.FormatLine, $"the flow is {flow.Width}x{flow.Height}{(flow.Interlaced ? " interlaced" : "")} at " +
                $"{flow.FrameRate} frames a second; the channel is {format.Name} ({format.Width}x{format.Height} at {format.FrameRate})");
        var audioFlow = AudioFlow(media, sdp, audioSdp, channel.AudioPool.Channels);
        _video = new St2110VideoReceiver(channel, flow, Name);
        try
        {
            _audio = audioFlow is null ? null : new St2110AudioReceiver(channel, audioFlow, Name);
        }
        catch
        {
            _video.Dispose();
            throw;
        }
        Source = sdp;
        _signal = new LiveSignal(holdLast, $"{Name}: no signal");
        _alarmSource = $"{channel.Name}/input {Name}/packets";
        _ticksASecond = (long)Math.Ceiling(format.FrameRate.ToDouble());
    }

    public override string? Source { get; }

    public IReadOnlyList<SignalLoss> SignalLosses => _signal.Losses;

    public St2110InputCounters Counters => new(_video.Frames, _video.IncompleteFrames, _video.Sequence.Received, _video.Sequence.Lost,
        _video.Sequence.Reordered, _audio?.Sequence.Received ?? 0, _audio?.Sequence.Lost ?? 0, _audio?.Sequence.Reordered ?? 0,
        _audio?.Underruns ?? 0, _video.SetAside + (_audio?.SetAside ?? 0), _video.Senders.Foreign + (_audio?.Senders.Foreign ?? 0));

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        frame = default;
        if (_video.TakeNewest() is { } newest)
        {
            _current?.Release();
            _current = newest;
        }
        if (_signal.Check(context.Tick, _video.LastPictureAt, _video.Failure ?? _audio?.Failure))
        {
            // The last picture is not shown again when the flow comes back: the next one to arrive is.
            Failure = _signal.Reason;
            _current?.Release();
            _current = null;
            return false;
        }
        if (_current is null)
        {
            Failure = "waiting for the first whole frame";
            return false;
        }
        Failure = null;
        AudioFrame? sound = null;
        if (_audio is not null && _channel.AudioPool.TryRent(out sound))
        {
            _audio.Read(sound.Write(context.AudioSamples));
            sound.Commit();
        }
        if (context.Tick >= _nextCheck)
            CheckLoss(context.Tick);
        frame = new LayerFrame(_current.AddRef(), null, sound);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _video.Dispose();
        _audio?.Dispose();
        _current?.Release();
        _current = null;
        _channel.Alarms.Clear(_alarmSource);
    }

    /// <summary>The audio flow: the first of <paramref name="audioSdp"/> when given (it must have one), else the video SDP's, if any.</summary>
    private static St2110AudioFlow? AudioFlow(IReadOnlyList<SdpMedia> media, string sdp, string? audioSdp, int channels)
    {
        if (audioSdp is null)
            return media.FirstOrDefault(m => m.Kind == "audio") is { } inVideoSdp ? St2110AudioFlow.From(inVideoSdp, sdp, channels) : null;
        var audio = SessionDescription.Parse(File.ReadAllText(audioSdp), audioSdp).FirstOrDefault(m => m.Kind == "audio")
            ?? throw new InvalidDataException($"{audioSdp}: no audio (m=audio) flow");
        return St2110AudioFlow.From(audio, audioSdp, channels);
    }

    /// <summary>
    /// Once a second: a warning while packets are being lost or reordered, or another sender's arrive on a flow, cleared
    /// after a second without.
    /// </summary>
    private void CheckLoss(long tick)
    {
        _nextCheck = tick + _ticksASecond;
        var now = (Lost: _video.Sequence.Lost + (_audio?.Sequence.Lost ?? 0), Reordered: _video.Sequence.Reordered + (_audio?.Sequence.Reordered ?? 0),
            Incomplete: _video.IncompleteFrames, Foreign: _video.Senders.Foreign + (_audio?.Senders.Foreign ?? 0));
        long lost = now.Lost - _lastCheck.Lost, reordered = now.Reordered - _lastCheck.Reordered, incomplete = now.Incomplete - _lastCheck.Incomplete;
        long foreign = now.Foreign - _lastCheck.Foreign;
        _lastCheck = now;
        if (lost > 0 || incomplete > 0 || foreign > 0)
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Warning,
                $"{Name}: {lost} packets lost and {reordered} reordered in the last second; {incomplete} frames kept lines of the frame before" +
                (foreign > 0 ? $"; {foreign} packets of another sender set aside ({Senders()})" : ""));
        else if (_channel.Alarms.IsActive(_alarmSource))
            _channel.Alarms.Clear(_alarmSource);
    }

    /// <summary>The senders taken and set aside, as SSRCs, for the alarm.</summary>
    private string Senders()
    {
        static string Hex(uint? ssrc) => ssrc is { } value ? $"0x{value:X8}" : "none";
        var flows = new List<RtpSourceLock> { _video.Senders };
        if (_audio is not null)
            flows.Add(_audio.Senders);
        return string.Join(", ", flows.Where(f => f.LastForeign is not null).Select(f => $"taking SSRC {Hex(f.Source)}, not {Hex(f.LastForeign)}"));
    }
}
