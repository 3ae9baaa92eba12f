using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Manager;

/// <summary>
/// Receives SNMPv2c traps and informs on a UDP endpoint (loopback unless told otherwise) for one community. Informs are
/// acknowledged (RFC 3416 §4.2.7). Junk, other communities, other PDUs and notifications without snmpTrapOID.0 in
/// second place are reported and dropped; the receive loop never stops on them.
/// </summary>
public sealed class SnmpTrapListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _community;
    private readonly Action<ReceivedTrap> _received;
    private readonly Action<string> _report;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public SnmpTrapListener(IPEndPoint endPoint, string community, Action<ReceivedTrap> received, Action<string> report)
    {
        _community = Encoding.UTF8.GetBytes(community);
        _received = received;
        _report = report;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(endPoint);
    }

    /// <summary>The endpoint bound (the chosen port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Start() => _loop = Task.Run(ReceiveLoop);

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException error)
            {
                _report($"SNMP trap listener: receive failed: {error.Message}");
                continue;
            }
            var sender = (IPEndPoint)received.RemoteEndPoint;
            if (Accept(buffer.AsMemory(0, received.ReceivedBytes), sender) is { } ack)
            {
                try
                {
                    await _socket.SendToAsync(ack, SocketFlags.None, sender, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    _report($"SNMP trap listener: cannot acknowledge the inform from {sender}: {error.Message}");
                }
            }
        }
    }

    /// <summary>Hands a valid notification on; returns the acknowledgement an inform needs, or null.</summary>
    private byte[]? Accept(ReadOnlyMemory<byte> datagram, IPEndPoint sender)
    {
        CommunityMessage message;
        try
        {
            message = CommunityMessage.Decode(datagram);
        }
        catch (Exception error) when (error is SnmpDecodeException or AsnContentException)
        {
            _report($"SNMP trap listener: dropped an undecodable datagram of {datagram.Length} bytes from {sender}: {error.Message}");
            return null;
        }
        var pdu = message.Pdu;
        if (message.Version != SnmpVersion.V2c || pdu.Type is not (PduType.SnmpV2Trap or PduType.InformRequest))
            _report($"SNMP trap listener: dropped a {message.Version} {pdu.Type} from {sender} (v2c traps and informs only)");
        else if (!CryptographicOperations.FixedTimeEquals(message.Community, _community))
            _report($"SNMP trap listener: dropped a notification from {sender} with another community");
        else if (pdu.VarBinds.Count < 2 || pdu.VarBinds[1].Oid != StandardGroups.SnmpTrapOidInstance || pdu.VarBinds[1].Value is not ObjectIdentifier trapOid)
            _report($"SNMP trap listener: dropped a notification from {sender} without snmpTrapOID.0 as its second binding");
        else
        {
            try
            {
                _received(new ReceivedTrap(sender, trapOid.Value, pdu.Type == PduType.InformRequest, pdu.VarBinds));
            }
            catch (Exception error)
            {
                // The listener outlives a failing subscriber; the next notification is delivered as usual.
                _report($"SNMP trap listener: the handler failed on a notification from {sender}: {error.Message}");
            }
            return pdu.Type == PduType.InformRequest ? new CommunityMessage(SnmpVersion.V2c, message.Community, Pdu.ResponseTo(pdu, pdu.VarBinds)).Encode() : null;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
