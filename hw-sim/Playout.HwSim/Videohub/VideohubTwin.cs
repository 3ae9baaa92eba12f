using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.Devices.Videohub;

namespace Playout.HwSim.Videohub;

/// <summary>
/// A Videohub router on loopback (TCP, port 0 picks a free one) behaving like a real one: the prelude on connect, routes
/// echoed to every client, output locks per client (a route to, or a lock of, an output another client locked is NAK'd;
/// a client's locks go with its link), PING answered with ACK. Indexes are 0-based, as on the wire. Faults:
/// <see cref="SetFault"/>, <see cref="DropLinks"/>, <see cref="IdleTimeout"/>.
/// </summary>
public sealed class VideohubTwin : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly int[] _routes;
    private readonly int?[] _locks;
    private readonly string[] _inputLabels, _outputLabels;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, TwinClient> _clients = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly HashSet<VideohubFault> _faults = [];
    private Task? _accepting;
    private int _nextClient;
    private int _disposed;

    public VideohubTwin(int inputs = 12, int outputs = 12, string model = "Playout Videohub Twin", int port = 0)
    {
        Model = model;
        _routes = new int[outputs];
        _locks = new int?[outputs];
        _inputLabels = [.. Enumerable.Range(1, inputs).Select(i => $"Input {i}")];
        _outputLabels = [.. Enumerable.Range(1, outputs).Select(o => $"Output {o}")];
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    public const string Version = "2.8";

    public string Model { get; }
    public int Inputs => _inputLabels.Length;
    public int Outputs => _routes.Length;

    /// <summary>The port it listens on, once started.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes a client that has sent nothing for this long (as some routers do after about 20 s); null: never.</summary>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>How many clients are connected now.</summary>
    public int Clients => _clients.Count;

    /// <summary>The most requests <see cref="Requests"/> keeps (a twin left running as a demo pings for days).</summary>
    public const int KeptRequests = 10_000;

    /// <summary>The request blocks received (the last <see cref="KeptRequests"/>), as "client HEADER item | item", oldest first.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public void SetFault(VideohubFault fault, bool active)
    {
        lock (_gate)
            _ = active ? _faults.Add(fault) : _faults.Remove(fault);
    }

    private bool Has(VideohubFault fault)
    {
        lock (_gate)
            return _faults.Contains(fault);
    }

    /// <summary>Cuts every client's link now (a cable pulled, a router rebooting).</summary>
    public void DropLinks()
    {
        foreach (var client in _clients.Values)
            client.Tcp.Dispose();
    }

    /// <summary>The input routed to each output.</summary>
    public int[] Routes()
    {
        lock (_gate)
            return [.. _routes];
    }

    /// <summary>Routes an output from the front panel (no client asked): every client is told.</summary>
    public void Route(int output, int input)
    {
        lock (_gate)
            _routes[output] = input;
        Broadcast(_ => RoutingBlock([output]));
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var client = new TwinClient(Interlocked.Increment(ref _nextClient), tcp);
            _clients[client.Id] = client;
            _ = ServeAsync(client, stop);
        }
    }

    private async Task ServeAsync(TwinClient client, CancellationToken stop)
    {
        try
        {
            if (!Has(VideohubFault.Hang))
                await SendAsync(client, Prelude(client.Id)).ConfigureAwait(false);
            var reader = new VideohubReader(problem => Note($"{client.Id} junk: {problem}"));
            var stream = client.Tcp.GetStream();
            byte[] buffer = new byte[4096];
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
                if (IdleTimeout is { } timeout)
                    idle.CancelAfter(timeout);
                int count = await stream.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                if (count == 0)
                    return;
                foreach (var block in reader.Feed(Encoding.UTF8.GetString(buffer, 0, count)))
                {
                    Note($"{client.Id} {block}");
                    if (!Has(VideohubFault.Hang))
                        await AnswerAsync(client, block).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The link is gone (dropped, idle, stopped): the client goes below.
        }
        finally
        {
            _clients.TryRemove(client.Id, out _);
            client.Tcp.Dispose();
            ReleaseLocks(client.Id);
        }
    }

    private void Note(string request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > KeptRequests)
            _requests.TryDequeue(out _);
    }

    private async Task AnswerAsync(TwinClient client, VideohubBlock block)
    {
        switch (block.Header)
        {
            case "PING:":
                await SendAsync(client, "ACK\n\n").ConfigureAwait(false);
                break;
            case "VIDEO OUTPUT ROUTING:":
                var routes = Pairs(block);
                bool routed;
                lock (_gate)
                {
                    routed = routes is not null && routes.All(r => r.Output < Outputs && int.TryParse(r.Value, out int input) && input < Inputs
                        && (_locks[r.Output] ?? client.Id) == client.Id);
                    if (routed)
                        foreach (var (output, input) in routes!)
                            _routes[output] = int.Parse(input, CultureInfo.InvariantCulture);
                }
                await SendAsync(client, routed ? "ACK\n\n" : "NAK\n\n").ConfigureAwait(false);
                if (routed && !Has(VideohubFault.AckWithoutEcho))
                    Broadcast(_ => RoutingBlock(routes!.Count == 0 ? [.. Enumerable.Range(0, Outputs)] : routes.Select(r => r.Output)));
                break;
            case "VIDEO OUTPUT LOCKS:":
                var locks = Pairs(block);
                bool locked;
                lock (_gate)
                {
                    locked = locks is not null && locks.All(l => l.Output < Outputs && l.Value switch
                    {
                        "O" or "U" => (_locks[l.Output] ?? client.Id) == client.Id,
                        "F" => true,
                        _ => false,
                    });
                    if (locked)
                        foreach (var (output, state) in locks!)
                            _locks[output] = state == "O" ? client.Id : null;
                }
                await SendAsync(client, locked ? "ACK\n\n" : "NAK\n\n").ConfigureAwait(false);
                if (locked)
                    Broadcast(id => LocksBlock(id, locks!.Count == 0 ? [.. Enumerable.Range(0, Outputs)] : locks.Select(l => l.Output)));
                break;
            default:
                await SendAsync(client, "NAK\n\n").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The block's "index value" items, or null when one is not.</summary>
    private static List<(int Output, string Value)>? Pairs(VideohubBlock block)
    {
        bool bad = false;
        var pairs = VideohubItems.Indexed(block, _ => bad = true);
        return bad ? null : pairs;
    }

    private void ReleaseLocks(int client)
    {
        List<int> released;
        lock (_gate)
        {
            released = [.. Enumerable.Range(0, Outputs).Where(o => _locks[o] == client)];
            foreach (int output in released)
                _locks[output] = null;
        }
        if (released.Count > 0)
            Broadcast(id => LocksBlock(id, released));
    }

    private string Prelude(int client)
    {
        bool glued = Has(VideohubFault.PreludeWithoutNewline);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"PROTOCOL PREAMBLE:\nVersion: {Version}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"VIDEOHUB DEVICE:\nDevice present: true\nModel name: {Model}\nFriendly name: {Model}\nUnique ID: 7C2E0D000000\n");
        text.Append(CultureInfo.InvariantCulture, $"Video inputs: {Inputs}{(glued ? "" : "\n")}Video processing units: 0\nVideo outputs: {Outputs}\nVideo monitoring outputs: 0\nSerial ports: 0\n\n");
        text.Append(Labels("INPUT LABELS:", _inputLabels));
        if (glued)
            text.Length--;
        text.Append(Labels("OUTPUT LABELS:", _outputLabels));
        text.Append(LocksBlock(client, Enumerable.Range(0, Outputs)));
        text.Append(RoutingBlock(Enumerable.Range(0, Outputs)));
        text.Append("CONFIGURATION:\nTake Mode: false\n\nEND PRELUDE:\n\n");
        return text.ToString();
    }

    private static string Labels(string header, string[] labels) =>
        $"{header}\n{string.Concat(labels.Select((label, index) => $"{index} {label}\n"))}\n";

    private string RoutingBlock(IEnumerable<int> outputs)
    {
        lock (_gate)
            return $"VIDEO OUTPUT ROUTING:\n{string.Concat(outputs.Select(o => $"{o} {_routes[o]}\n"))}\n";
    }

    /// <summary>The locks as <paramref name="client"/> sees them: O its own, L another client's, U free.</summary>
    private string LocksBlock(int client, IEnumerable<int> outputs)
    {
        lock (_gate)
            return $"VIDEO OUTPUT LOCKS:\n{string.Concat(outputs.Select(o => $"{o} {(_locks[o] is not { } owner ? 'U' : owner == client ? 'O' : 'L')}\n"))}\n";
    }

    private void Broadcast(Func<int, string> block)
    {
        foreach (var client in _clients.Values)
            _ = SendAsync(client, block(client.Id));
    }

    private async Task SendAsync(TwinClient client, string text)
    {
        if (Has(VideohubFault.Garble))
            text = Garbled(text);
        await client.Writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await client.Tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client's link is gone; its reader ends it.
        }
        finally
        {
            client.Writing.Release();
        }
    }

    /// <summary>A junk line before the reply, and a junk item after the header of a block that has items.</summary>
    private static string Garbled(string text)
    {
        int firstLine = text.IndexOf('\n');
        bool hasItems = firstLine + 1 < text.Length && text[firstLine + 1] != '\n';
        return "\u0007#garbled%\n" + (hasItems ? text.Insert(firstLine + 1, "garbled item\n") : text);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        DropLinks();
        if (_accepting is not null)
            await _accepting.ConfigureAwait(false);
        _listener.Dispose();
        _stop.Dispose();
    }

    private sealed record TwinClient(int Id, TcpClient Tcp)
    {
        public SemaphoreSlim Writing { get; } = new(1, 1);
    }
}
