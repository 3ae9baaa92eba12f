using System.Diagnostics;
using System.Formats.Asn1;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// The non-authoritative side of USM (RFC 3414 §4) talking to one authoritative engine as one user: an agent our manager
/// asks, or a manager our informs go to. While the engine is unknown, <see cref="Wrap"/> gives a noAuthNoPriv discovery probe
/// (empty engine ID and user, no bindings to give away); the Report it draws teaches the engine ID, boots and time, and the
/// user's keys are localised to that engine. Then messages go at the user's level. A not-in-time-window Report (only when
/// authenticated) resynchronises the clock, an unknown-engine one learns the engine again; PDUs are accepted only when
/// authenticated (and decrypted) under the localised keys.
/// </summary>
public sealed class UsmRemoteEngine
{
    private readonly UsmUser _user;
    private readonly byte[] _userName;
    private readonly int _maxMessageSize;
    private readonly UsmMessageWriter _writer = new();
    private volatile Remote? _remote;

    /// <summary>The engine as last learnt, the user's keys localised to it, and when its time was read.</summary>
    private sealed record Remote(byte[] EngineId, int Boots, int Time, long LearntAt, UsmKeySet Keys)
    {
        public int TimeNow => (int)Math.Min(int.MaxValue, Time + (long)Stopwatch.GetElapsedTime(LearntAt).TotalSeconds);
    }

    public UsmRemoteEngine(UsmUser user, int maxMessageSize)
    {
        _user = user;
        _userName = Encoding.UTF8.GetBytes(user.Name);
        _maxMessageSize = maxMessageSize;
    }

    public UsmUser User => _user;

    /// <summary>True once the engine's ID, boots and time are known (discovery done).</summary>
    public bool Known => _remote is not null;

    /// <summary>The engine's ID as learnt, or null before discovery.</summary>
    public byte[]? EngineId => _remote?.EngineId;

    /// <summary>Forgets the engine (its ID changed, or a request drew no answer): the next message is a discovery probe.</summary>
    public void Forget() => _remote = null;

    /// <summary><paramref name="pdu"/> at the user's level to the known engine, or the discovery probe while it is unknown.</summary>
    public byte[] Wrap(int msgId, Pdu pdu)
    {
        if (_remote is not { } remote)
        {
            return _writer.Write(msgId, _maxMessageSize, UsmSecurityLevel.NoAuthNoPriv, reportable: true,
                new UsmMessageWriter.Authority([], 0, 0), [], null, default, new ScopedPdu([], [], pdu with { VarBinds = [] }));
        }
        return _writer.Write(msgId, _maxMessageSize, _user.Level, reportable: true,
            new UsmMessageWriter.Authority(remote.EngineId, remote.Boots, remote.TimeNow), _userName, _user.Auth, remote.Keys,
            new ScopedPdu(remote.EngineId, [], pdu));
    }

    /// <summary>Reads a datagram from the engine; never throws on junk (an <see cref="UsmReply.Ignored"/> says what it was, as a noun phrase).</summary>
    public UsmReply Read(ReadOnlyMemory<byte> datagram)
    {
        SnmpV3Message message;
        try { message = SnmpV3Message.Decode(datagram); }
        catch (Exception e) when (e is AsnContentException or SnmpDecodeException) { return new UsmReply.Ignored(-1, $"an undecodable datagram of {datagram.Length} bytes: {e.Message}"); }
        if (message.SecurityModel != SnmpV3Message.UsmSecurityModel || message.Level is not { } level)
            return new UsmReply.Ignored(message.MsgId, $"a message with security model {message.SecurityModel} and msgFlags {message.Flags:x2}, not USM's");

        if (level > _user.Level)
            return new UsmReply.Ignored(message.MsgId, $"a message at {level} for user '{_user.Name}', who is at {_user.Level}");

        var remote = _remote;
        var authenticated = remote is not null && _user.Auth is not null && level != UsmSecurityLevel.NoAuthNoPriv
            && message.Usm.EngineId.AsSpan().SequenceEqual(remote.EngineId)
            && UsmMessageReader.Authentic(datagram.Span, message.Usm, _user.Auth, remote.Keys.AuthKey);
        if (level != UsmSecurityLevel.NoAuthNoPriv && !authenticated)
            return new UsmReply.Ignored(message.MsgId, $"a {level} message that does not authenticate as user '{_user.Name}'");
        var scoped = level == UsmSecurityLevel.AuthPriv ? UsmMessageReader.Decrypt(message, remote!.Keys.PrivKey) : UsmMessageReader.Plaintext(message);
        if (scoped?.Pdu is not { } pdu)
            return new UsmReply.Ignored(message.MsgId, level == UsmSecurityLevel.AuthPriv
                ? $"a {level} message that does not decrypt under user '{_user.Name}''s privacy key" : "a message whose msgData is not a ScopedPDU");

        if (pdu.Type == PduType.Report && pdu.VarBinds.Count > 0)
            return new UsmReply.Refused(message.MsgId, pdu.VarBinds[0].Oid, Learn(message.Usm, pdu.VarBinds[0].Oid, authenticated, remote));
        if (!authenticated && _user.Auth is not null)
            return new UsmReply.Ignored(message.MsgId, $"an unauthenticated {pdu.Type} for user '{_user.Name}' at {_user.Level}");
        return new UsmReply.Accepted(message.MsgId, pdu);
    }

    /// <summary>Learns from a Report what it can trust; true when the engine or its clock was (re)learnt.</summary>
    private bool Learn(UsmSecurityParameters usm, Oid counter, bool authenticated, Remote? remote)
    {
        if (counter == UsmCounters.UnknownEngineIdsOid && SnmpEngineId.IsValid(usm.EngineId) && _user.CanLocalize)
        {
            // Discovery's answer, or the engine changed: (re)learn it. The same engine again teaches nothing.
            if (remote is not null && remote.EngineId.AsSpan().SequenceEqual(usm.EngineId))
                return false;
            _remote = new Remote(usm.EngineId, usm.EngineBoots, usm.EngineTime, Stopwatch.GetTimestamp(), _user.KeysFor(usm.EngineId));
            return true;
        }
        if (counter == UsmCounters.NotInTimeWindowsOid && authenticated)
        {
            _remote = remote! with { Boots = usm.EngineBoots, Time = usm.EngineTime, LearntAt = Stopwatch.GetTimestamp() };
            return true;
        }
        return false;
    }
}
