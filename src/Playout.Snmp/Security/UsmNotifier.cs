using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// Sends SNMPv3 notifications under USM. A trap is sent with this engine as the authoritative one (our engine ID, boots and
/// time; the receiver configures the user under our engine ID). An inform makes the receiver authoritative (RFC 3414 §1.5.1):
/// its engine ID, boots and time are first discovered through the Report a noAuthNoPriv probe draws, the user's keys are
/// localised to that engine, and the inform is sent at the user's level and resent until a Response comes or the tries run out;
/// a not-in-time-window Report resynchronises the clock before the next try.
/// </summary>
public sealed class UsmNotifier : IAsyncDisposable
{
    private readonly ISnmpEngine _engine;
    private readonly Action<string> _report;
    private readonly Socket _socket;
    private readonly UsmMessageWriter _writer = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<(SnmpV3Message Message, byte[] Datagram)>> _pending = new();
    private readonly ConcurrentDictionary<IPEndPoint, RemoteEngine> _remotes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _msgId = Random.Shared.Next(1, int.MaxValue / 2);

    /// <summary>The receiver's engine as last learnt, and when (to advance its clock by our own).</summary>
    private sealed record RemoteEngine(byte[] EngineId, int Boots, int Time, long LearntAt)
    {
        public int TimeNow => (int)Math.Min(int.MaxValue, Time + (long)Stopwatch.GetElapsedTime(LearntAt).TotalSeconds);
    }

    public UsmNotifier(ISnmpEngine engine, Action<string> report, AddressFamily family = AddressFamily.InterNetwork)
    {
        _engine = engine;
        _report = report;
        _socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        _loop = Task.Factory.StartNew(ReceiveLoop, TaskCreationOptions.LongRunning).Unwrap();
    }

    /// <summary>Sends an SNMPv2-Trap PDU to <paramref name="target"/> as <paramref name="user"/>, at the user's level. Fire and forget.</summary>
    public void SendTrap(IPEndPoint target, UsmUser user, Pdu trap)
    {
        var authority = new UsmMessageWriter.Authority(_engine.EngineId.ToArray(), _engine.EngineBoots, _engine.EngineTime);
        var datagram = _writer.Write(NextMsgId(), _engine.MaxMessageSize, user.Level, reportable: false, authority,
            Encoding.UTF8.GetBytes(user.Name), user.Auth, user.LocalKeys, new ScopedPdu(authority.EngineId, [], trap));
        _socket.SendTo(datagram, target);
    }

    /// <summary>
    /// Sends an InformRequest PDU and waits for its Response: true once acknowledged, false when every try went unanswered or
    /// the receiver refused the user (said in a report line). Each try waits <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> InformAsync(IPEndPoint target, UsmUser user, Pdu inform, int retries, TimeSpan timeout, CancellationToken cancel = default)
    {
        var name = Encoding.UTF8.GetBytes(user.Name);
        for (var attempt = 0; attempt <= retries; attempt++)
        {
            if (!_remotes.TryGetValue(target, out var remote))
            {
                if (await DiscoverAsync(target, timeout, cancel) is not { } discovered)
                    continue;
                remote = _remotes[target] = discovered;
            }
            var keys = user.KeysFor(remote.EngineId);
            var msgId = NextMsgId();
            var datagram = _writer.Write(msgId, _engine.MaxMessageSize, user.Level, reportable: true,
                new UsmMessageWriter.Authority(remote.EngineId, remote.Boots, remote.TimeNow), name, user.Auth, keys,
                new ScopedPdu(remote.EngineId, [], inform));
            if (await ExchangeAsync(target, msgId, datagram, timeout, cancel) is not var (message, raw))
                continue;

            var authenticated = user.Auth is not null && message.Level != UsmSecurityLevel.NoAuthNoPriv
                && message.Usm.EngineId.AsSpan().SequenceEqual(remote.EngineId)
                && UsmMessageReader.Authentic(raw, message.Usm, user.Auth, keys.AuthKey);
            var scoped = message.Level == UsmSecurityLevel.AuthPriv
                ? authenticated ? UsmMessageReader.Decrypt(message, keys.PrivKey) : null
                : UsmMessageReader.Plaintext(message);
            if (scoped?.Pdu is not { } pdu)
                continue;
            if (pdu.Type == PduType.Response && pdu.RequestId == inform.RequestId && (authenticated || user.Auth is null))
                return true;
            if (pdu.Type != PduType.Report || pdu.VarBinds.Count == 0)
                continue;

            var counter = pdu.VarBinds[0].Oid;
            if (counter == UsmCounters.NotInTimeWindowsOid && authenticated)
            {
                _remotes[target] = new RemoteEngine(remote.EngineId, message.Usm.EngineBoots, message.Usm.EngineTime, Stopwatch.GetTimestamp());
                continue;
            }
            if (counter == UsmCounters.UnknownEngineIdsOid)
            {
                _remotes.TryRemove(target, out _);
                continue;
            }
            _report($"SNMPv3 inform to {target} as user '{user.Name}' refused by the receiver: report {counter}.");
            return false;
        }
        _report($"SNMPv3 inform to {target} as user '{user.Name}' not acknowledged after {retries + 1} tries.");
        return false;
    }

    /// <summary>Learns the receiver's engine ID, boots and time from the Report a reportable, empty noAuthNoPriv Get draws.</summary>
    private async Task<RemoteEngine?> DiscoverAsync(IPEndPoint target, TimeSpan timeout, CancellationToken cancel)
    {
        var msgId = NextMsgId();
        var probe = _writer.Write(msgId, _engine.MaxMessageSize, UsmSecurityLevel.NoAuthNoPriv, reportable: true,
            new UsmMessageWriter.Authority([], 0, 0), [], null, default, new ScopedPdu([], [], Pdu.Request(PduType.Get, msgId)));
        if (await ExchangeAsync(target, msgId, probe, timeout, cancel) is not var (message, _))
            return null;
        return SnmpEngineId.IsValid(message.Usm.EngineId)
            ? new RemoteEngine(message.Usm.EngineId, message.Usm.EngineBoots, message.Usm.EngineTime, Stopwatch.GetTimestamp())
            : null;
    }

    private async Task<(SnmpV3Message Message, byte[] Datagram)?> ExchangeAsync(IPEndPoint target, int msgId, byte[] datagram,
        TimeSpan timeout, CancellationToken cancel)
    {
        var reply = new TaskCompletionSource<(SnmpV3Message, byte[])>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[msgId] = reply;
        try
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, target, cancel);
            return await reply.Task.WaitAsync(timeout, cancel);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(msgId, out _);
        }
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try { received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { continue; } // an ICMP "port unreachable" from a receiver that is down: the try times out
            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            SnmpV3Message message;
            try { message = SnmpV3Message.Decode(datagram); }
            catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or SnmpDecodeException) { continue; }
            if (_pending.TryGetValue(message.MsgId, out var waiting))
                waiting.TrySetResult((message, datagram));
        }
    }

    private int NextMsgId() => Interlocked.Increment(ref _msgId) & int.MaxValue;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
