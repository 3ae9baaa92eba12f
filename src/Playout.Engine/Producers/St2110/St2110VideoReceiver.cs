using System.Diagnostics;
using System.Net.Sockets;
using Playout.Engine.Channels;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;
using Playout.Media.Rtp;

namespace Playout.Engine.Producers.St2110;

/// <summary>
/// Receives an ST 2110-20 flow on a thread of its own and keeps its newest whole frame as a v210 frame of the channel's pool.
/// <list type="bullet">
/// <item>Packets go where their headers say (<see cref="Rfc4175Depacketizer"/>), so reordering within a frame needs nothing;
/// a packet older than the frame being built (late across a frame's edge) is set aside.</item>
/// <item>A frame ends with the marker of the field shown last (the frame's, when progressive), or when the next frame's
/// first packet arrives if that marker was lost.</item>
/// <item>Lines whose packets were lost keep the previous frame's pixels: the frame is built in one buffer that lives on.
/// Such a frame counts as incomplete, and the loss shows in <see cref="Sequence"/>.</item>
/// </list>
/// </summary>
internal sealed class St2110VideoReceiver : IDisposable
{
    /// <summary>A second of the 90 kHz clock.</summary>
    private const int Restart = 90_000;

    private readonly ChannelContext _channel;
    private readonly Socket _socket;
    private readonly Rfc4175Depacketizer _depacketizer;
    private readonly FrameConverter _converter;
    private readonly byte[] _lines;
    private readonly long _frameBytes;
    private readonly bool _interlaced;
    private readonly int _openingField;
    private readonly Thread _thread;
    private Frame? _newest;
    private uint _frameStart;
    private bool _building, _started;
    private long _bytesThisFrame;
    private long _lastPictureAt;
    private long _frames, _incompleteFrames, _setAside;
    private volatile string? _failure;

    public St2110VideoReceiver(ChannelContext channel, St2110VideoFlow flow, string name)
    {
        var format = channel.Format;
        _channel = channel;
        _interlaced = format.IsInterlaced;
        _openingField = format.ScanMode == ScanMode.InterlacedBottomFieldFirst ? 1 : 0;
        _depacketizer = new Rfc4175Depacketizer(format.Width, format.Height, _interlaced, flow.PayloadType);
        Senders = new RtpSourceLock(Stopwatch.Frequency, flow.Ssrc);
        var pgroups = PixelFormat.St2110Yuv422P10.Layout(format.Width, format.Height);
        _converter = new FrameConverter(pgroups, channel.VideoPool.Layout);
        _lines = GC.AllocateArray<byte>(pgroups.TotalBytes, pinned: true);
        _frameBytes = (long)_depacketizer.LineBytes * format.Height;
        _lastPictureAt = Stopwatch.GetTimestamp();
        _socket = RtpListener.Open(flow.Address, flow.Port);
        _thread = new Thread(Run) { Name = $"{channel.Name} {name} video", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The sender taken (packets of others are set aside): the SDP's, or the first heard, released after a second's silence.</summary>
    public RtpSourceLock Senders { get; }

    public RtpSequenceCounter Sequence { get; } = new(32);

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Frames shown with some of their packets lost (those lines kept the frame before's pixels).</summary>
    public long IncompleteFrames => Interlocked.Read(ref _incompleteFrames);

    /// <summary>Datagrams set aside: not RTP, another payload type, malformed, or too late for their frame.</summary>
    public long SetAside => Interlocked.Read(ref _setAside);

    /// <summary>When the newest frame was completed (a <see cref="Stopwatch"/> timestamp; creation time before the first).</summary>
    public long LastPictureAt => Interlocked.Read(ref _lastPictureAt);

    /// <summary>Why the flow cannot be received (the socket failed), or null.</summary>
    public string? Failure => _failure;

    /// <summary>The newest whole frame since the last call, with a reference for the caller; null when none came.</summary>
    public Frame? TakeNewest() => Interlocked.Exchange(ref _newest, null);

    public void Dispose()
    {
        _socket.Dispose();
        _thread.Join();
        Interlocked.Exchange(ref _newest, null)?.Release();
    }

    private void Run() => RtpListener.Run(_socket, Take, failure => _failure = failure);

    private void Take(ReadOnlySpan<byte> datagram)
    {
        if (!Senders.Accept(datagram, Stopwatch.GetTimestamp()))
            return;
        // Where the packet belongs is decided from its checked headers before anything is written.
        var packet = _depacketizer.Inspect(datagram);
        if (packet.Problem != RtpPacketProblem.None)
        {
            Interlocked.Increment(ref _setAside);
            return;
        }
        Sequence.Count(packet.Sequence);
        int ahead = (int)(packet.Timestamp - _frameStart);
        // Late for a frame already shown: set aside. Further back than a second is the sender starting again.
        if (_started && ahead < 0 && ahead >= -Restart)
        {
            Interlocked.Increment(ref _setAside);
            return;
        }
        if (!_started || ahead < 0 || (ahead > 0 && (!_interlaced || packet.Field == _openingField)))
        {
            if (_building)
                Publish();
            (_started, _building, _frameStart, _bytesThisFrame) = (true, true, packet.Timestamp, 0);
        }
        _bytesThisFrame += _depacketizer.Read(datagram, _lines).Bytes;
        if (packet.Marker && _building && (!_interlaced || packet.Field != _openingField))
            Publish();
    }

    /// <summary>Converts the frame built so far into a pooled v210 frame and makes it the newest.</summary>
    private void Publish()
    {
        _building = false;
        if (_bytesThisFrame < _frameBytes)
            Interlocked.Increment(ref _incompleteFrames);
        if (!_channel.VideoPool.TryRent(out var frame))
            return;
        _converter.Convert(_lines, frame.WritablePlane(0));
        frame.Commit();
        Interlocked.Exchange(ref _newest, frame)?.Release();
        Interlocked.Increment(ref _frames);
        Interlocked.Exchange(ref _lastPictureAt, Stopwatch.GetTimestamp());
    }
}
