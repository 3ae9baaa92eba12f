using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>
/// The UDP agent: one receive loop that hands each datagram to the <see cref="MessageProcessor"/> and sends
/// back what it answers. Junk never stops it: undecodable datagrams are counted and dropped by the
/// processor, and anything else that goes wrong with one datagram is reported and the loop carries on.
/// </summary>
public sealed class SnmpAgent : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly MessageProcessor _processor;
    private readonly Action<string> _report;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>
    /// An agent over <paramref name="tree"/>, answering v2c with the configured communities and any further
    /// versions through <paramref name="models"/> (the v3 USM model). <paramref name="report"/> hears about
    /// failures that are not the sender's fault.
    /// </summary>
    public SnmpAgent(SnmpAgentOptions options, MibTree tree, AgentCounters counters, IEnumerable<ISecurityModel> models, Action<string> report)
    {
        _processor = MessageProcessor.ForAgent(options, tree, counters, models);
        _report = report;
        _socket = new Socket(options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(options.Address, options.Port));
    }

    /// <summary>The endpoint actually bound (the port is the chosen one when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Start() => _loop = Task.Factory.StartNew(ReceiveLoop, TaskCreationOptions.LongRunning).Unwrap();

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException error)
            {
                _report($"SNMP agent receive failed: {error.Message}");
                // A socket that keeps failing must not spin the loop.
                try { await Task.Delay(100, _stop.Token); }
                catch (OperationCanceledException) { return; }
                continue;
            }
            var peer = (IPEndPoint)received.RemoteEndPoint;
            try
            {
                if (_processor.Process(buffer.AsMemory(0, received.ReceivedBytes), peer) is { } reply)
                    await _socket.SendToAsync(reply, SocketFlags.None, peer, _stop.Token);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception error)
            {
                _report($"SNMP agent failed to answer {peer}: {error.Message}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
