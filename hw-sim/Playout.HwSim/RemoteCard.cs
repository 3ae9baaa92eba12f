using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Playout.Engine.Consumers;
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
    private readonly ICardOutput[] _outputs;
    private readonly Thread _receiver;

    /// <summary>How long the card may take to answer the hello: a card serving another service does not answer at all.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);

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
        try
        {
            _socket.ReceiveTimeout = (int)HandshakeTimeout.TotalMilliseconds;
            CardLink.WriteText(_stream, CardLink.Hello, format.Name);
            if (!CardLink.ReadHeader(_stream, out var type, out var length) || type != CardLink.Ready)
                throw new ArgumentException($"hw-sim-remote: {(type == CardLink.Refused ? CardLink.ReadText(_stream, length) : "the card closed the link")}");
            _socket.ReceiveTimeout = 0;
        }
        catch (Exception error) when (error is IOException or SocketException or InvalidDataException)
        {
            _stream.Dispose();
            throw new ArgumentException($"hw-sim-remote: the card at {socketPath} did not answer ({error.Message}); is it serving another service?");
        }
        catch (ArgumentException)
        {
            _stream.Dispose();
            throw;
        }
        _output = new RemoteOutput(_stream);
        _outputs = [_output];
        _receiver = new Thread(Receive) { Name = $"{Name} syncs", IsBackground = true, Priority = ThreadPriority.Highest };
        _receiver.Start();
    }

    public string Name { get; }
    public VideoFormat Format { get; }
    public IReferenceClock Reference => _reference;
    public IReadOnlyList<ICardInput> Inputs => [];
    public IReadOnlyList<ICardOutput> Outputs => _outputs;

    public void Dispose()
    {
        // The socket first, so a sender blocked writing to it returns.
        _socket.Shutdown(SocketShutdown.Both);
        _output.Close();
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
                _output.Counters = new CardOutputCounters(BinaryPrimitives.ReadInt64LittleEndian(payload),
                    BinaryPrimitives.ReadInt64LittleEndian(payload[8..]), BinaryPrimitives.ReadInt64LittleEndian(payload[16..]));
                _reference.SetLost(false);
                _reference.Signal(BinaryPrimitives.ReadInt64LittleEndian(payload[24..]));
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // Link gone: no more syncs, so a genlocked channel falls back to its system clock and alarms.
            _output.Lost(error.Message);
        }
        _output.Lost("the card closed it");
        _reference.SetLost(true);
    }

    /// <summary>The remote card's output: frames queue here and a sender thread writes them to the link.</summary>
    private sealed class RemoteOutput : ICardOutput
    {
        private readonly Stream _stream;
        private readonly FrameHandoff _queue = new(3);
        private readonly CancellationTokenSource _closing = new();
        private readonly Thread _sender;
        private readonly Lock _lock = new();
        private CardOutputCounters _counters;
        private volatile string? _fault;

        public RemoteOutput(Stream stream)
        {
            _stream = stream;
            _sender = new Thread(SendLoop) { Name = "hw-sim remote output", IsBackground = true };
            _sender.Start();
        }

        public int Index => 0;

        /// <summary>The card's own counters, as its last sync reported them (frames the link could not take show there as repeats).</summary>
        public CardOutputCounters Counters
        {
            get
            {
                lock (_lock)
                    return _counters;
            }
            set
            {
                lock (_lock)
                    _counters = value;
            }
        }

        public string? Fault => _fault;

        /// <summary>The link is gone (the first reason seen stays): frames are refused from now on.</summary>
        public void Lost(string reason) => Interlocked.CompareExchange(ref _fault, $"the link to the card is lost ({reason})", null);

        public void Send(Frame video, AudioFrame audio) => _queue.TryAdd(0, video, audio);

        public void Close()
        {
            _closing.Cancel();
            _sender.Join();
            _queue.Dispose();
            _closing.Dispose();
        }

        private void SendLoop()
        {
            var head = new byte[12];
            var header = new byte[CardLink.HeaderBytes];
            while (_queue.TryTake(out var item, _closing.Token))
            {
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
                    // The link is gone: the consumer reports it; the receiver sees it too and the channel loses its reference.
                    Lost(error.Message);
                }
                finally
                {
                    item.Release();
                }
            }
        }
    }
}
