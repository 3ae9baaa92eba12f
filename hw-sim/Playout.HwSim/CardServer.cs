using System.Buffers.Binary;
using System.Net.Sockets;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.HwSim;

/// <summary>
/// Runs a <see cref="SimulatedCard"/> as its own process's device and serves its first output and its vertical
/// sync to one service at a time over a Unix domain socket (<see cref="CardLink"/>). Frames arrive as bytes and
/// are copied into the card's own pool: a demo twin of a card in another box, not a zero-copy path.
/// </summary>
public sealed class CardServer : IDisposable
{
    private readonly Socket _listener;
    private readonly FramePool _video;
    private readonly AudioPool _audio;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private volatile Socket? _client;

    public CardServer(SimulatedCard card, string socketPath)
    {
        Card = card;
        SocketPath = socketPath;
        _video = new FramePool(PixelFormat.V210, card.Format.Width, card.Format.Height, 8);
        _audio = new AudioPool(AudioPool.ProgrammeChannels, card.Format.AudioCadence.Max(), 16);
        File.Delete(socketPath);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(1);
        _thread = new Thread(Serve) { Name = $"{card.Name} server", IsBackground = true };
        _thread.Start();
    }

    public SimulatedCard Card { get; }
    public string SocketPath { get; }

    /// <summary>What happens on the link, for the host's console.</summary>
    public event Action<string>? Log;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        // A session blocked reading the service's frames ends when its socket does.
        try
        {
            _client?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The service had already gone.
        }
        _thread.Join();
        File.Delete(SocketPath);
        Card.Dispose();
        _video.Dispose();
    }

    private void Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _client = client;
            using (client)
            using (var stream = new NetworkStream(client))
            {
                try
                {
                    Session(stream);
                }
                catch (Exception error) when (error is IOException or SocketException or InvalidDataException or ObjectDisposedException)
                {
                    Log?.Invoke($"link closed: {error.Message}");
                }
            }
            _client = null;
        }
    }

    private void Session(NetworkStream stream)
    {
        if (!CardLink.ReadHeader(stream, out var type, out var length) || type != CardLink.Hello)
            throw new InvalidDataException("card link: the client did not say hello");
        string format = CardLink.ReadText(stream, length);
        if (!string.Equals(format, Card.Format.Name, StringComparison.OrdinalIgnoreCase))
        {
            CardLink.WriteText(stream, CardLink.Refused, $"{Card.Name} runs {Card.Format.Name}, not {format}");
            return;
        }
        CardLink.Write(stream, CardLink.Ready, []);
        Log?.Invoke("service connected");
        using var session = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var syncs = new Thread(() => SendSyncs(stream, session.Token)) { Name = $"{Card.Name} syncs", IsBackground = true };
        syncs.Start();
        try
        {
            while (CardLink.ReadHeader(stream, out type, out length))
            {
                if (type != CardLink.Frame)
                    throw new InvalidDataException($"card link: unexpected message {type}");
                ReceiveFrame(stream, length);
            }
            Log?.Invoke("service disconnected");
        }
        finally
        {
            session.Cancel();
            syncs.Join();
        }
    }

    private void ReceiveFrame(Stream stream, int length)
    {
        Span<byte> head = stackalloc byte[12];
        stream.ReadExactly(head);
        long sequence = BinaryPrimitives.ReadInt64LittleEndian(head);
        int samples = BinaryPrimitives.ReadInt32LittleEndian(head[8..]);
        int videoBytes = _video.Layout.TotalBytes, audioBytes = samples * AudioPool.ProgrammeChannels * sizeof(float);
        if (samples < 0 || samples > _audio.SamplesPerFrame || length != 12 + videoBytes + audioBytes)
            throw new InvalidDataException($"card link: a {Card.Format.Name} frame with {samples} samples is {12 + videoBytes + audioBytes} bytes; got {length}");
        var video = _video.Rent();
        var audio = _audio.Rent();
        try
        {
            stream.ReadExactly(video.WritablePlane(0)[..videoBytes]);
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(audio.Write(samples)));
            video.Metadata = new FrameMetadata(sequence);
            video.Commit();
            audio.Commit();
            Card.Outputs[0].Send(video, audio);
        }
        finally
        {
            video.Release();
            audio.Release();
        }
    }

    private void SendSyncs(Stream stream, CancellationToken stop)
    {
        var timeout = TimeSpan.FromSeconds(2 * Card.Format.FrameDuration.ToDouble());
        Span<byte> payload = stackalloc byte[32];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!Card.Reference.WaitForSync(timeout, out long sync))
                {
                    CardLink.Write(stream, CardLink.Lost, []);
                    continue;
                }
                var counters = Card.Outputs[0].Counters;
                BinaryPrimitives.WriteInt64LittleEndian(payload, counters.FramesPlayed);
                BinaryPrimitives.WriteInt64LittleEndian(payload[8..], counters.Underruns);
                BinaryPrimitives.WriteInt64LittleEndian(payload[16..], counters.LateFrames);
                // The card's count, not one per message: a sender that falls behind makes the count jump, never lose syncs.
                BinaryPrimitives.WriteInt64LittleEndian(payload[24..], sync);
                CardLink.Write(stream, CardLink.Sync, payload);
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // The client went away; the session ends with its read.
        }
    }
}
