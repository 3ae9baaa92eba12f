using System.Net;
using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// SNMPv3 with the User-based Security Model, as the authoritative engine (RFC 3414 §3.2). Each refusal is counted and,
/// when the message is reportable, answered with a Report carrying the counter: unknown engine ID (which is how managers
/// discover ours, boots and time), unknown user, unsupported security level (including a level below the user's own: an
/// authPriv user never gets a plaintext answer), wrong digest, not in time window (150 s; authenticated, so the manager may
/// trust our boots and time) and decryption errors. Responses go back at the request's level.
/// </summary>
public sealed class UsmSecurityModel : ISecurityModel
{
    /// <summary>RFC 3414 §2.2.3: the time window.</summary>
    public const int TimeWindowSeconds = 150;

    private readonly ISnmpEngine _engine;
    private readonly byte[] _engineId;
    private readonly Dictionary<string, UsmUser> _users;
    private readonly UsmMessageWriter _writer = new();

    public UsmSecurityModel(ISnmpEngine engine, IEnumerable<UsmUser> users, UsmCounters? counters = null)
    {
        _engine = engine;
        _engineId = engine.EngineId.ToArray();
        _users = users.ToDictionary(u => u.Name, StringComparer.Ordinal);
        Counters = counters ?? new UsmCounters();
    }

    public int Version => 3;

    public UsmCounters Counters { get; }

    public InboundResult Accept(ReadOnlyMemory<byte> datagram, IPEndPoint peer, AgentCounters counters)
    {
        var message = SnmpV3Message.Decode(datagram);
        if (message.SecurityModel != SnmpV3Message.UsmSecurityModel)
        {
            Counters.Increment(UsmCounters.UnknownSecurityModelsOid);
            return InboundResult.Dropped;
        }
        if (message.Level is not { } level || message.MaxSize < SnmpV3Message.MinMaxSize)
        {
            Counters.Increment(UsmCounters.InvalidMsgsOid);
            return InboundResult.Dropped;
        }
        var usm = message.Usm;

        // §3.2 step 3: a message for another engine; an empty ID is a manager discovering ours.
        if (!usm.EngineId.AsSpan().SequenceEqual(_engineId))
            return Refuse(message, UsmCounters.UnknownEngineIdsOid);

        // Step 4; names are compared as their UTF-8 bytes decode (a name that is not UTF-8 matches no configured user).
        if (!_users.TryGetValue(Encoding.UTF8.GetString(usm.UserName), out var user))
            return Refuse(message, UsmCounters.UnknownUserNamesOid);

        // Step 5, and closed by default: a level other than the user's is refused in both directions.
        if (level != user.Level)
            return Refuse(message, UsmCounters.UnsupportedSecLevelsOid);

        if (level != UsmSecurityLevel.NoAuthNoPriv)
        {
            // Step 6: the MAC over the whole message with msgAuthenticationParameters zeroed.
            if (!UsmMessageReader.Authentic(datagram.Span, usm, user.Auth!, user.AuthKey))
                return Refuse(message, UsmCounters.WrongDigestsOid);

            // Step 7: timeliness against our own clock.
            if (_engine.EngineBoots == SnmpEngineStateFile.MaxBoots || usm.EngineBoots != _engine.EngineBoots
                || Math.Abs((long)usm.EngineTime - _engine.EngineTime) > TimeWindowSeconds)
                return Refuse(message, UsmCounters.NotInTimeWindowsOid, user);
        }

        // Step 8: decryption; anything that does not yield a ScopedPDU is a decryption error.
        ScopedPdu scoped;
        if (level == UsmSecurityLevel.AuthPriv)
        {
            if (UsmMessageReader.Decrypt(message, user.PrivKey) is not { } decrypted)
                return Refuse(message, UsmCounters.DecryptionErrorsOid);
            scoped = decrypted;
        }
        else
        {
            if (message.Data.Span[0] != 0x30)
                throw new SnmpDecodeException("msgData is not a plaintext ScopedPDU at a level without privacy");
            scoped = ScopedPdu.Decode(message.Data);
        }

        // One context: the default one of this engine (RFC 3415 §3.2 step 1; RFC 3412 §4.2.2.1 for the engine).
        if (scoped.ContextEngineId.Length > 0 && !scoped.ContextEngineId.AsSpan().SequenceEqual(_engineId))
            return Refuse(message, UsmCounters.UnknownPduHandlersOid, level == UsmSecurityLevel.NoAuthNoPriv ? null : user, scoped);
        if (scoped.ContextName.Length > 0)
            return Refuse(message, UsmCounters.UnknownContextsOid, level == UsmSecurityLevel.NoAuthNoPriv ? null : user, scoped);

        var state = new UsmSecurityState(message.MsgId, user, level, _engineId, scoped.ContextName);
        var context = new RequestContext($"snmp v3 {user.Name} {peer.Address}", user.Access,
            Math.Min(message.MaxSize, _engine.MaxMessageSize), peer, state);
        return InboundResult.Accepted(scoped.Pdu, context);
    }

    public byte[] Encode(Pdu response, RequestContext context)
    {
        var state = (UsmSecurityState)context.SecurityState!;
        return _writer.Write(state.MsgId, _engine.MaxMessageSize, state.Level, reportable: false, Authority(),
            Encoding.UTF8.GetBytes(state.User.Name), state.User.Auth, state.User.LocalKeys,
            new ScopedPdu(state.ContextEngineId, state.ContextName, response));
    }

    private UsmMessageWriter.Authority Authority() => new(_engineId, _engine.EngineBoots, _engine.EngineTime);

    /// <summary>
    /// Counts <paramref name="counter"/> and answers a reportable message with a Report carrying it (RFC 3412 §7.1.3).
    /// Reports are unauthenticated, except for those to a known user at an authenticated level (not in time window).
    /// </summary>
    private InboundResult Refuse(SnmpV3Message request, Oid counter, UsmUser? user = null, ScopedPdu? scoped = null)
    {
        var value = Counters.Increment(counter);
        if (!request.Reportable)
            return InboundResult.Dropped;
        scoped ??= PlaintextScopedPdu(request);
        var report = new Pdu(PduType.Report, scoped?.Pdu.RequestId ?? 0, 0, 0, [new VarBind(counter, new Counter32(value))]);
        var level = user is null ? UsmSecurityLevel.NoAuthNoPriv : UsmSecurityLevel.AuthNoPriv;
        var reply = _writer.Write(request.MsgId, _engine.MaxMessageSize, level, reportable: false, Authority(),
            request.Usm.UserName, user?.Auth, user?.LocalKeys ?? default,
            new ScopedPdu(_engineId, scoped?.ContextName ?? [], report));
        return InboundResult.Answer(reply);
    }

    /// <summary>The request's ScopedPDU when it travelled in plaintext (so a report can echo its request-id), else null.</summary>
    private static ScopedPdu? PlaintextScopedPdu(SnmpV3Message request) =>
        request.Level is UsmSecurityLevel.NoAuthNoPriv or UsmSecurityLevel.AuthNoPriv ? UsmMessageReader.Plaintext(request) : null;
}
