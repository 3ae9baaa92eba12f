using System.Diagnostics;
using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Notifications;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// SNMPv3 notifications to one manager as one USM user, at the user's level.
/// A trap makes this engine authoritative: it carries our engine ID, boots and time, and the manager configures the user
/// under our engine ID. An inform makes the manager authoritative (RFC 3414 §1.5.1): while its engine is unknown, what goes
/// out is a noAuthNoPriv discovery probe; the Report it draws teaches the manager's engine ID, boots and time, and the
/// sender's next try carries the inform with the user's keys localised to that engine. A not-in-time-window Report
/// resynchronises the clock, an unknown-engine one starts discovery again; Responses are accepted only when authenticated
/// (and decrypted) under those keys.
/// </summary>
public sealed class UsmNotificationSecurity : INotificationSecurity
{
    private readonly ISnmpEngine _engine;
    private readonly UsmUser _user;
    private readonly byte[] _userName;
    private readonly Action<string> _report;
    private readonly UsmMessageWriter _writer = new();
    private volatile Remote? _remote;
    private int _msgId = Random.Shared.Next(1, int.MaxValue / 2);

    /// <summary>The manager's engine as last learnt, the user's keys localised to it, and when its time was read.</summary>
    private sealed record Remote(byte[] EngineId, int Boots, int Time, long LearntAt, UsmKeySet Keys)
    {
        public int TimeNow => (int)Math.Min(int.MaxValue, Time + (long)Stopwatch.GetElapsedTime(LearntAt).TotalSeconds);
    }

    public UsmNotificationSecurity(ISnmpEngine engine, UsmUser user, Action<string> report)
    {
        _engine = engine;
        _user = user;
        _userName = Encoding.UTF8.GetBytes(user.Name);
        _report = report;
    }

    public byte[] Encode(Pdu pdu)
    {
        var msgId = Interlocked.Increment(ref _msgId) & int.MaxValue;
        if (pdu.Type != PduType.InformRequest)
        {
            var ours = new UsmMessageWriter.Authority(_engine.EngineId.ToArray(), _engine.EngineBoots, _engine.EngineTime);
            return _writer.Write(msgId, _engine.MaxMessageSize, _user.Level, reportable: false, ours, _userName, _user.Auth,
                _user.LocalKeys, new ScopedPdu(ours.EngineId, [], pdu));
        }
        if (_remote is not { } remote)
        {
            // Discovery (RFC 3414 §4): reportable, noAuthNoPriv, empty engine ID and user; no bindings to give away.
            return _writer.Write(msgId, _engine.MaxMessageSize, UsmSecurityLevel.NoAuthNoPriv, reportable: true,
                new UsmMessageWriter.Authority([], 0, 0), [], null, default, new ScopedPdu([], [], pdu with { VarBinds = [] }));
        }
        return _writer.Write(msgId, _engine.MaxMessageSize, _user.Level, reportable: true,
            new UsmMessageWriter.Authority(remote.EngineId, remote.Boots, remote.TimeNow), _userName, _user.Auth, remote.Keys,
            new ScopedPdu(remote.EngineId, [], pdu));
    }

    public Pdu? Decode(ReadOnlyMemory<byte> datagram)
    {
        SnmpV3Message message;
        try { message = SnmpV3Message.Decode(datagram); }
        catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or Data.SnmpDecodeException) { return null; }
        if (message.SecurityModel != SnmpV3Message.UsmSecurityModel || message.Level is not { } level)
            return null;

        var remote = _remote;
        var authenticated = remote is not null && _user.Auth is not null && level != UsmSecurityLevel.NoAuthNoPriv
            && message.Usm.EngineId.AsSpan().SequenceEqual(remote.EngineId)
            && UsmMessageReader.Authentic(datagram.Span, message.Usm, _user.Auth, remote.Keys.AuthKey);
        var scoped = level == UsmSecurityLevel.AuthPriv
            ? authenticated ? UsmMessageReader.Decrypt(message, remote!.Keys.PrivKey) : null
            : UsmMessageReader.Plaintext(message);
        if (scoped?.Pdu is not { } pdu)
            return null;

        if (pdu.Type == PduType.Response)
            return authenticated || _user.Auth is null ? pdu : null;
        if (pdu.Type == PduType.Report && pdu.VarBinds.Count > 0)
            Learn(message, pdu.VarBinds[0].Oid, authenticated, remote);
        return null;
    }

    private void Learn(SnmpV3Message message, Data.Oid counter, bool authenticated, Remote? remote)
    {
        var usm = message.Usm;
        if (counter == UsmCounters.UnknownEngineIdsOid && SnmpEngineId.IsValid(usm.EngineId) && !_user.CanLocalize)
        {
            _report($"SNMPv3 informs as user '{_user.Name}' need its passwords (it is configured by keys localised to this engine).");
        }
        else if (counter == UsmCounters.UnknownEngineIdsOid && SnmpEngineId.IsValid(usm.EngineId))
        {
            // Discovery's answer, or the manager's engine changed: (re)learn it.
            if (remote is null || !remote.EngineId.AsSpan().SequenceEqual(usm.EngineId))
                _remote = new Remote(usm.EngineId, usm.EngineBoots, usm.EngineTime, Stopwatch.GetTimestamp(), _user.KeysFor(usm.EngineId));
        }
        else if (counter == UsmCounters.NotInTimeWindowsOid && authenticated)
        {
            _remote = remote! with { Boots = usm.EngineBoots, Time = usm.EngineTime, LearntAt = Stopwatch.GetTimestamp() };
        }
        else
        {
            _report($"SNMPv3 notifications as user '{_user.Name}' refused by the manager: report {counter}.");
        }
    }
}
