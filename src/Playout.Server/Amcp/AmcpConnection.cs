using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Playout.Server.Amcp;

/// <summary>
/// One client: a reader task puts lines in a bounded queue, a worker answers them in order. A line that finds the queue
/// full is answered 504 at once and dropped; a line over the length limit is answered 400; BYE or the peer closing ends it.
/// </summary>
public sealed class AmcpConnection(Socket socket, AmcpDispatcher dispatcher, int queueLength, ILogger log)
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly string _peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";

    public async Task Serve(CancellationToken stop)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var queue = Channel.CreateBounded<AmcpLine>(new BoundedChannelOptions(queueLength) { SingleReader = true, SingleWriter = true });
        var worker = Work(queue.Reader, closing);
        try
        {
            var reader = new AmcpLineReader(_stream);
            while (await reader.Read(closing.Token) is { } line)
            {
                if (!queue.Writer.TryWrite(line))
                    await Send(QueueFull(line), closing.Token);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went, BYE closed the connection, or the service is stopping.
        }
        finally
        {
            // The worker answers what is queued, unless BYE or the service's stop has cancelled it.
            queue.Writer.TryComplete();
            await worker;
            await _stream.DisposeAsync();
            _writing.Dispose();
        }
    }

    private async Task Work(ChannelReader<AmcpLine> lines, CancellationTokenSource closing)
    {
        try
        {
            await foreach (var line in lines.ReadAllAsync(closing.Token))
            {
                string? reply = line.IsTooLong ? AmcpReply.UnknownCommand(line.Text) : await dispatcher.Handle(line.Text, _peer);
                if (reply is null)
                {
                    // BYE: CasparCG closes without a reply.
                    await closing.CancelAsync();
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
                await Send(reply, closing.Token);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            log.LogDebug("AMCP connection ends: {Error}", error.Message);
        }
    }

    /// <summary>504 for a line dropped because the queue is full, with its REQ id and verb when it has them.</summary>
    private static string QueueFull(AmcpLine line)
    {
        var parsed = line.IsTooLong ? null : AmcpParser.Parse(line.Text);
        return AmcpReply.Framed(parsed?.RequestId, AmcpReply.QueueFull(parsed?.Request?.Verb ?? "COMMAND"));
    }

    private async Task Send(string reply, CancellationToken cancel)
    {
        await _writing.WaitAsync(cancel);
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(reply), cancel);
        }
        finally
        {
            _writing.Release();
        }
    }
}
