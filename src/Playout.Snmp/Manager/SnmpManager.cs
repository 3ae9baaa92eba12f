using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Manager;

/// <summary>
/// An SNMP manager talking to one agent over UDP, v2c or (with <see cref="SnmpManagerOptions.User"/>) SNMPv3 USM: GET, a
/// GETNEXT walk and SET, one request at a time, each with its timeout and retries. Datagrams that are not the awaited
/// response (junk, another request-id or msgID, another community, one that does not authenticate, another sender) are
/// reported through <c>report</c> and ignored; the caller only ever sees a result, <see cref="SnmpManagerException"/>
/// (an error-status, or an SNMPv3 Report saying why the agent refused) or <see cref="SnmpTimeoutException"/> (or its own cancellation).
/// </summary>
public sealed class SnmpManager : IDisposable
{
    private readonly IPEndPoint _agent;
    private readonly SnmpManagerOptions _options;
    private readonly Action<string> _report;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly byte[] _buffer = new byte[65535];
    private readonly IManagerSecurity _security;
    private readonly string _as;
    private int _requestId = Random.Shared.Next(1, int.MaxValue / 2);

    /// <summary>How often one request may learn the agent's engine or clock anew (discovery, then a resynchronisation) before it fails.</summary>
    private const int MaxRelearn = 3;

    /// <summary>The largest message this manager takes (its receive buffer), sent as SNMPv3's msgMaxSize.</summary>
    private const int MaxMessageSize = 65507;

    public SnmpManager(IPEndPoint agent, SnmpManagerOptions options, Action<string>? report = null)
    {
        _agent = agent;
        _options = options;
        _report = report ?? (_ => { });
        if (options.User is { } user)
        {
            _security = new UsmManagerSecurity(new UsmRemoteEngine(ManagerUser(user), MaxMessageSize));
            _as = $" as SNMPv3 user '{user.Name}'";
        }
        else
        {
            _security = new CommunityManagerSecurity(options.Community, options.WriteCommunity);
            _as = "";
        }
        // Unconnected: a closed port's ICMP error does not fail the receive, it is simply no answer.
        _socket = new Socket(agent.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(agent.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
    }

    public IPEndPoint Agent => _agent;

    /// <summary>The configured user with its master keys (localised to the agent's engine once discovered); needs passwords.</summary>
    private static UsmUser ManagerUser(UsmUserOptions options)
    {
        var user = UsmUserFactory.Create(options with { ReadView = null, WriteView = null }, [], new Dictionary<string, SnmpView>());
        return user.CanLocalize ? user
            : throw new ArgumentException($"SNMPv3 user '{options.Name}': a manager needs authPassword and privPassword (keys are localised to each agent's engine after discovery)");
    }

    /// <summary>The values of <paramref name="oids"/> (noSuchObject/noSuchInstance come back as values, not errors).</summary>
    public Task<IReadOnlyList<VarBind>> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancel = default) =>
        RequestAsync(PduType.Get, [.. oids.Select(o => new VarBind(o))], cancel);

    /// <summary>Sets every binding at once (the agent tests all, then commits all); over v2c with the write community.</summary>
    public Task<IReadOnlyList<VarBind>> SetAsync(IReadOnlyList<VarBind> bindings, CancellationToken cancel = default) =>
        RequestAsync(PduType.Set, bindings, cancel);

    /// <summary>Every instance under <paramref name="root"/>, in order, by GETNEXT.</summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(Oid root, CancellationToken cancel = default)
    {
        var found = new List<VarBind>();
        var cursor = root;
        while (true)
        {
            var next = (await RequestAsync(PduType.GetNext, [new VarBind(cursor)], cancel).ConfigureAwait(false))[0];
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

    private async Task<IReadOnlyList<VarBind>> RequestAsync(PduType type, IReadOnlyList<VarBind> bindings, CancellationToken cancel)
    {
        await _one.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var requestId = Interlocked.Increment(ref _requestId);
            var pdu = Pdu.Request(type, requestId, bindings);
            var request = _security.Wrap(pdu, write: type == PduType.Set);
            int relearnt = 0;
            for (var attempt = 0; attempt <= _options.Retries; attempt++)
            {
                await SendAsync(request, cancel).ConfigureAwait(false);
                switch (await ReceiveAsync(requestId, cancel).ConfigureAwait(false))
                {
                    case ManagerReply.Answer answer:
                        return Checked(type, bindings, answer.Pdu);
                    case ManagerReply.Refused refused:
                        throw new SnmpManagerException($"SNMP agent {_agent}: {type} {Describe(bindings)}{_as}: {refused.Why}");
                    case ManagerReply.Again when ++relearnt <= MaxRelearn:
                        // SNMPv3 discovery or time sync: the request itself goes now, without spending a try.
                        request = _security.Wrap(pdu, write: type == PduType.Set);
                        attempt--;
                        break;
                    case ManagerReply.Again:
                        throw new SnmpManagerException($"SNMP agent {_agent}: {type} {Describe(bindings)}{_as}: the agent's engine ID or clock changed at every try ({MaxRelearn} times)");
                }
            }
            throw new SnmpTimeoutException($"SNMP agent {_agent}: no answer to {type} {Describe(bindings)}{_as} within {_options.Timeout.TotalMilliseconds:0} ms ({_options.Retries + 1} tries){_security.Unanswered}");
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task SendAsync(byte[] request, CancellationToken cancel)
    {
        try
        {
            await _socket.SendToAsync(request, SocketFlags.None, _agent, cancel).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            throw new SnmpManagerException($"SNMP agent {_agent}: cannot send: {error.Message}");
        }
    }

    /// <summary>The verdict on the first datagram that settles the request within one try's timeout, or null; everything else is reported and skipped.</summary>
    private async Task<ManagerReply?> ReceiveAsync(int requestId, CancellationToken cancel)
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
            var reply = _security.Read(_buffer.AsMemory(0, received.ReceivedBytes), requestId);
            if (reply is ManagerReply.Skip skip)
                _report($"SNMP agent {_agent}: ignored {skip.Why}");
            else
                return reply;
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
