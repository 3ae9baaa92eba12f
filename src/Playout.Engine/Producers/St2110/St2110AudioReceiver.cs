using System.Diagnostics;
using System.Net.Sockets;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Rtp;

namespace Playout.Engine.Producers.St2110;

/// <summary>
/// Receives an ST 2110-30 flow on a thread of its own into a ring of programme-wide sample frames placed by RTP timestamp,
/// so reordered packets land where they belong and a lost packet leaves silence. The channel's tick reads a frame's worth
/// at a time, <see cref="Latency"/> behind the newest sample: when the reading falls further behind than twice that, or
/// catches up with the newest (the sender's clock and the channel's run apart), it starts again at that distance.
/// </summary>
internal sealed class St2110AudioReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly L24Depacketizer _depacketizer;
    private readonly float[] _ring;
    private readonly float[] _packet;
    private readonly int _capacity, _width;
    private readonly Thread _thread;
    private long _newest = -1, _read = -1, _lastExtended;
    private long _setAside, _late, _underruns, _realigned;
    private volatile string? _failure;

    public St2110AudioReceiver(ChannelContext channel, St2110AudioFlow flow, string name)
    {
        _width = channel.AudioPool.Channels;
        _depacketizer = new L24Depacketizer(flow.Channels, flow.PayloadType);
        Senders = new RtpSourceLock(Stopwatch.Frequency, flow.Ssrc);
        // Two video frames behind the newest sample: a frame's worth is read a tick, and packets arrive a packet time apart.
        Latency = 2 * channel.Format.AudioCadence.Max();
        _capacity = VideoFormat.AudioSampleRate;
        _ring = new float[_capacity * _width];
        _packet = new float[RtpListener.MaxDatagram / 3 * _width];
        _socket = RtpListener.Open(flow.Address, flow.Port);
        _thread = new Thread(Run) { Name = $"{channel.Name} {name} audio", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Sample frames the reading stays behind the newest received.</summary>
    public int Latency { get; }

    /// <summary>The sender taken (packets of others are set aside): the SDP's, or the first heard, released after a second's silence.</summary>
    public RtpSourceLock Senders { get; }

    public RtpSequenceCounter Sequence { get; } = new(16);

    /// <summary>Datagrams set aside: not RTP, another payload type, not whole sample frames, or too late to be played.</summary>
    public long SetAside => Interlocked.Read(ref _setAside) + Interlocked.Read(ref _late);

    /// <summary>Ticks that found fewer samples than they play (the rest was silence).</summary>
    public long Underruns => Interlocked.Read(ref _underruns);

    /// <summary>Times the reading started again at <see cref="Latency"/> from the newest sample.</summary>
    public long Realigned => Interlocked.Read(ref _realigned);

    public string? Failure => _failure;

    /// <summary>Fills <paramref name="into"/> (programme-wide sample frames) with the next samples; silence where none arrived.</summary>
    public void Read(Span<float> into)
    {
        int samples = into.Length / _width;
        long newest = Volatile.Read(ref _newest);
        if (newest < 0)
        {
            into.Clear();
            return;
        }
        long read = _read;
        if (read < 0 || newest - read > 2 * Latency || newest - read < samples)
        {
            if (read >= 0)
                Interlocked.Increment(ref _realigned);
            read = newest - Latency;
        }
        for (int i = 0; i < samples; i++)
        {
            var slot = _ring.AsSpan((int)((read + i) % _capacity) * _width, _width);
            // Read once, then silenced: a ring slot a lost packet never refills plays silence the next time round.
            slot.CopyTo(into.Slice(i * _width, _width));
            slot.Clear();
        }
        if (read + samples > newest)
            Interlocked.Increment(ref _underruns);
        Volatile.Write(ref _read, read + samples);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _thread.Join();
    }

    private void Run() => RtpListener.Run(_socket, Take, failure => _failure = failure);

    private void Take(ReadOnlySpan<byte> datagram)
    {
        if (!Senders.Accept(datagram, Stopwatch.GetTimestamp()))
            return;
        var packet = _depacketizer.Read(datagram, _packet, _width);
        if (packet.Problem != RtpPacketProblem.None)
        {
            Interlocked.Increment(ref _setAside);
            return;
        }
        Sequence.Count(packet.Sequence);
        // The 32-bit timestamp extended to a count that does not wrap, from the last packet's (the first one's a wrap on, so a
        // packet reordered before it stays positive).
        long start = _newest < 0 ? packet.Timestamp + (1L << 32) : _lastExtended + (int)(packet.Timestamp - (uint)_lastExtended);
        _lastExtended = start;
        // A jump of more than the ring either way is the sender starting again: the reading follows it.
        bool restart = _newest >= 0 && Math.Abs(start - _newest) > _capacity;
        long read = Volatile.Read(ref _read);
        if (!restart && read >= 0 && start < read)
        {
            Interlocked.Increment(ref _late);
            return;
        }
        for (int i = 0; i < packet.Samples; i++)
            _packet.AsSpan(i * _width, _width).CopyTo(_ring.AsSpan((int)((start + i) % _capacity) * _width, _width));
        if (restart || start + packet.Samples > _newest)
            Volatile.Write(ref _newest, start + packet.Samples);
    }
}
