using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Playout.Engine.Devices;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.HwSim;

/// <summary>
/// A simulated card running in another process (`playout hwsim`), reached over its Unix domain socket: the
/// channel genlocks to its vertical sync and plays out of its first output. Frames are sent by a thread of
/// their own behind a short queue, so the tick never waits on the socket; the card's counters come back with
/// every sync. The remote card has no inputs.
/// </summary>
public sealed class RemoteCard : IVideoCard
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SimulatedReference _reference = new();
    private readonly RemoteOutput _output;
    private readonly Thread _receiver;

    /// <exception cref="ArgumentException">Nothing listens at <paramref name="socketPath"/>, or the card there runs another format.</exception>
    public RemoteCard(VideoFormat format, string socketPath)
    {
        Format = format;
        Name = $"hw-sim card at {socketPath}";
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            _socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        }
        catch (SocketException error)
        {
            _socket.Dispose();
            throw new ArgumentException($"hw-sim-remote: no card at {socketPath} ({error.Message}); start one with './playout hwsim --format {format.Name}'");
        }
        _stream = new NetworkStream(_socket, ownsSocket: true);
        CardLink.WriteText(_stream, CardLink.Hello, format.Name);
        if (!CardLink.ReadHeader(_stream, out var type, out var length) || type != CardLink.Ready)
        {
            string reason = type == CardLink.Refused ? CardLink.ReadText(_stream, length) : "the card closed the link";
            _stream.Dispose();
            throw new ArgumentException($"hw-sim-remote: {reason}");
        }
        _output = new RemoteOutput(_stream);
        _receiver = new Thread(Receive) { Name = $"{Name} syncs", IsBackground = true, Priority = ThreadPriority.Highest };
        _receiver.Start();
    }

    public string Name { get; }
    public VideoFormat Format { get; }
    public IReferenceClock Reference => _reference;
    public IReadOnlyList<ICardInput> Inputs => [];
    public IReadOnlyList<ICardOutput> Outputs => [_output];

    public void Dispose()
    {
        _output.Close();
        _socket.Shutdown(SocketShutdown.Both);
        _receiver.Join();
        _stream.Dispose();
    }

    private void Receive()
    {
        Span<byte> payload = stackalloc byte[32];
        try
        {
            while (CardLink.ReadHeader(_stream, out var type, out var length))
            {
                if (type == CardLink.Lost)
                {
                    _reference.SetLost(true);
                    continue;
                }
                if (type != CardLink.Sync || length != payload.Length)
                    throw new InvalidDataException($"card link: unexpected message {type} of {length} bytes");
                _stream.ReadExactly(payload);
                _output.Counters = new CardOutputCounters(BinaryPrimitives.ReadInt64LittleEndian(payload[8..]),
                    BinaryPrimitives.ReadInt64LittleEndian(payload[16..]), BinaryPrimitives.ReadInt64LittleEndian(payload[24..]));
                _reference.SetLost(false);
                _reference.Signal();
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // Link gone: no more syncs, so a genlocked channel falls back to its system clock and alarms.
        }
        _reference.SetLost(true);
    }

    /// <summary>The remote card's output: frames queue here and a sender thread writes them to the link.</summary>
    private sealed class RemoteOutput : ICardOutput
    {
        private const int QueueDepth = 3;
        private readonly Stream _stream;
        private readonly Queue<(Frame Video, AudioFrame Audio)> _queue = new(QueueDepth);
        private readonly SemaphoreSlim _ready = new(0);
        private readonly Thread _sender;
        private volatile bool _closing;
        private long _dropped;

        public RemoteOutput(Stream stream)
        {
            _stream = stream;
            _sender = new Thread(SendLoop) { Name = "hw-sim remote output", IsBackground = true };
            _sender.Start();
        }

        public int Index => 0;

        public CardOutputCounters Counters { get; set; }

        /// <summary>Frames not sent because the link was behind.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        public void Send(Frame video, AudioFrame audio)
        {
            lock (_queue)
            {
                if (_closing || _queue.Count == QueueDepth)
                {
                    Interlocked.Increment(ref _dropped);
                    return;
                }
                _queue.Enqueue((video.AddRef(), audio.AddRef()));
            }
            _ready.Release();
        }

        public void Close()
        {
            lock (_queue)
                _closing = true;
            _ready.Release();
            _sender.Join();
            lock (_queue)
            {
                while (_queue.TryDequeue(out var item))
                {
                    item.Video.Release();
                    item.Audio.Release();
                }
            }
        }

        private void SendLoop()
        {
            var head = new byte[12];
            var header = new byte[CardLink.HeaderBytes];
            while (true)
            {
                _ready.Wait();
                (Frame Video, AudioFrame Audio) item;
                lock (_queue)
                {
                    if (_closing || !_queue.TryDequeue(out item))
                        return;
                }
                try
                {
                    var video = item.Video.Plane(0);
                    var audio = MemoryMarshal.AsBytes(item.Audio.Samples);
                    BinaryPrimitives.WriteInt64LittleEndian(head, item.Video.Metadata.Sequence);
                    BinaryPrimitives.WriteInt32LittleEndian(head.AsSpan(8), item.Audio.SampleCount);
                    header[0] = CardLink.Frame;
                    BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(1), head.Length + video.Length + audio.Length);
                    _stream.Write(header);
                    _stream.Write(head);
                    _stream.Write(video);
                    _stream.Write(audio);
                }
                catch (Exception error) when (error is IOException or ObjectDisposedException)
                {
                    Interlocked.Increment(ref _dropped);
                }
                finally
                {
                    item.Video.Release();
                    item.Audio.Release();
                }
            }
        }
    }
}
