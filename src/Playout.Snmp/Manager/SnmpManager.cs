using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Manager;

/// <summary>
/// An SNMPv2c manager talking to one agent over UDP: GET, a GETNEXT walk and SET, one request at a time, each with
/// its timeout and retries. Datagrams that are not the awaited response (junk, another request-id, another community,
/// another sender) are reported through <c>report</c> and ignored; the caller only ever sees a result,
/// <see cref="SnmpManagerException"/> or <see cref="SnmpTimeoutException"/> (or its own cancellation).
/// </summary>
public sealed class SnmpManager : IDisposable
{
    private readonly IPEndPoint _agent;
    private readonly SnmpManagerOptions _options;
    private readonly Action<string> _report;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly byte[] _buffer = new byte[65535];
    private int _requestId = Random.Shared.Next(1, int.MaxValue / 2);

    public SnmpManager(IPEndPoint agent, SnmpManagerOptions options, Action<string>? report = null)
    {
        _agent = agent;
        _options = options;
        _report = report ?? (_ => { });
        // Unconnected: a closed port's ICMP error does not fail the receive, it is simply no answer.
        _socket = new Socket(agent.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(agent.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
    }

    public IPEndPoint Agent => _agent;

    /// <summary>The values of <paramref name="oids"/> (noSuchObject/noSuchInstance come back as values, not errors).</summary>
    public Task<IReadOnlyList<VarBind>> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancel = default) =>
        RequestAsync(PduType.Get, [.. oids.Select(o => new VarBind(o))], _options.Community, cancel);

    /// <summary>Sets every binding at once (the agent tests all, then commits all) with the write community.</summary>
    public Task<IReadOnlyList<VarBind>> SetAsync(IReadOnlyList<VarBind> bindings, CancellationToken cancel = default) =>
        RequestAsync(PduType.Set, bindings, _options.WriteCommunity ?? _options.Community, cancel);

    /// <summary>Every instance under <paramref name="root"/>, in order, by GETNEXT.</summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(Oid root, CancellationToken cancel = default)
    {
        var found = new List<VarBind>();
        var cursor = root;
        while (true)
        {
            var next = (await RequestAsync(PduType.GetNext, [new VarBind(cursor)], _options.Community, cancel).ConfigureAwait(false))[0];
            if (next.Value == Null.EndOfMibView || !next.Oid.StartsWith(root) || next.Oid == root)
                return found;
            if (next.Oid <= cursor)
                throw new SnmpManagerException($"SNMP agent {_agent}: walk of {root}: {next.Oid} does not follow {cursor}");
            if (found.Count == _options.MaxWalk)
                throw new SnmpManagerException($"SNMP agent {_agent}: walk of {root}: more than {_options.MaxWalk} instances");
            found.Add(next);
            cursor = next.Oid;
        }
    }

    private async Task<IReadOnlyList<VarBind>> RequestAsync(PduType type, IReadOnlyList<VarBind> bindings, string community, CancellationToken cancel)
    {
        await _one.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var requestId = Interlocked.Increment(ref _requestId);
            var communityBytes = Encoding.UTF8.GetBytes(community);
            var request = new CommunityMessage(SnmpVersion.V2c, communityBytes, Pdu.Request(type, requestId, bindings)).Encode();
            for (var attempt = 0; attempt <= _options.Retries; attempt++)
            {
                try
                {
                    await _socket.SendToAsync(request, SocketFlags.None, _agent, cancel).ConfigureAwait(false);
                }
                catch (SocketException error)
                {
                    throw new SnmpManagerException($"SNMP agent {_agent}: cannot send: {error.Message}");
                }
                if (await ReceiveAsync(requestId, communityBytes, cancel).ConfigureAwait(false) is { } response)
                    return Checked(type, bindings, response);
            }
            throw new SnmpTimeoutException($"SNMP agent {_agent}: no answer to {type} {Describe(bindings)} within {_options.Timeout.TotalMilliseconds:0} ms ({_options.Retries + 1} tries)");
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The response to <paramref name="requestId"/> within one try's timeout, or null; everything else is reported and skipped.</summary>
    private async Task<Pdu?> ReceiveAsync(int requestId, byte[] community, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        var any = new IPEndPoint(_agent.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, any, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (SocketException error)
            {
                // Linux may still pass on an ICMP error for an earlier datagram: no answer this time.
                _report($"SNMP agent {_agent}: receive failed: {error.Message}");
                continue;
            }
            if (!received.RemoteEndPoint.Equals(_agent))
            {
                _report($"SNMP agent {_agent}: ignored a datagram from {received.RemoteEndPoint}");
                continue;
            }
            CommunityMessage message;
            try
            {
                message = CommunityMessage.Decode(_buffer.AsMemory(0, received.ReceivedBytes));
            }
            catch (Exception error) when (error is SnmpDecodeException or AsnContentException)
            {
                _report($"SNMP agent {_agent}: ignored an undecodable datagram of {received.ReceivedBytes} bytes: {error.Message}");
                continue;
            }
            if (message.Pdu.Type != PduType.Response || message.Pdu.RequestId != requestId)
                _report($"SNMP agent {_agent}: ignored a {message.Pdu.Type} with request-id {message.Pdu.RequestId} (awaiting {requestId})");
            else if (!message.Community.AsSpan().SequenceEqual(community))
                _report($"SNMP agent {_agent}: ignored a response with another community");
            else
                return message.Pdu;
        }
    }

    private IReadOnlyList<VarBind> Checked(PduType type, IReadOnlyList<VarBind> bindings, Pdu response)
    {
        if (response.ErrorStatus != ErrorStatus.NoError)
        {
            var at = response.ErrorIndex >= 1 && response.ErrorIndex <= bindings.Count ? $" at {bindings[response.ErrorIndex - 1].Oid}" : "";
            throw new SnmpManagerException($"SNMP agent {_agent}: {type} {Describe(bindings)}: {response.ErrorStatus}{at}");
        }
        if (response.VarBinds.Count != bindings.Count)
            throw new SnmpManagerException($"SNMP agent {_agent}: {type} {Describe(bindings)}: {response.VarBinds.Count} bindings answered for {bindings.Count}");
        // GET and SET answer each binding under its own name (RFC 3416 §4.2.1, §4.2.5); GETNEXT moves on.
        if (type != PduType.GetNext && Enumerable.Range(0, bindings.Count).FirstOrDefault(i => response.VarBinds[i].Oid != bindings[i].Oid, -1) is var wrong and >= 0)
            throw new SnmpManagerException($"SNMP agent {_agent}: {type} {Describe(bindings)}: binding {wrong + 1} answered as {response.VarBinds[wrong].Oid} for {bindings[wrong].Oid}");
        return response.VarBinds;
    }

    private static string Describe(IReadOnlyList<VarBind> bindings) =>
        bindings.Count == 1 ? bindings[0].Oid.ToString() : $"{bindings.Count} bindings";

    public void Dispose()
    {
        _socket.Dispose();
        _one.Dispose();
    }
}
