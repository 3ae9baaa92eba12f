using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Manager;

/// <summary>
/// SNMPv3 as one USM user (<see cref="UsmRemoteEngine"/> does discovery, time sync and the cryptography shared with the
/// agent). Replies are matched by msgID (a Report to an encrypted request cannot echo its request-id); a Report that
/// teaches nothing fails the request with what it means for this user.
/// </summary>
internal sealed class UsmManagerSecurity(UsmRemoteEngine engine) : IManagerSecurity
{
    private int _msgId = Random.Shared.Next(1, int.MaxValue / 2);
    private int _awaited;

    public byte[] Wrap(Pdu request, bool write)
    {
        _awaited = Interlocked.Increment(ref _msgId) & int.MaxValue;
        return engine.Wrap(_awaited, request);
    }

    // net-snmp's snmpd drops a request that does not decrypt, without a report: after a discovery that worked, that is the likely cause.
    public string Unanswered => engine.Known && engine.User.Level == UsmSecurityLevel.AuthPriv
        ? $"; the agent answered discovery, so it may be dropping what it cannot decrypt: check user '{engine.User.Name}''s privKey"
        : "";

    public ManagerReply Read(ReadOnlyMemory<byte> datagram, int requestId) => engine.Read(datagram) switch
    {
        { MsgId: >= 0 and var id } when id != _awaited => new ManagerReply.Skip($"a message with msgID {id} (awaiting {_awaited})"),
        UsmReply.Ignored ignored => new ManagerReply.Skip(ignored.Why),
        UsmReply.Refused { Learnt: true } => new ManagerReply.Again(),
        UsmReply.Refused refused => new ManagerReply.Refused(Meaning(refused.Counter)),
        UsmReply.Accepted { Pdu: { Type: PduType.Response } pdu } when pdu.RequestId == requestId => new ManagerReply.Answer(pdu),
        UsmReply.Accepted { Pdu: var pdu } => new ManagerReply.Skip($"a {pdu.Type} with request-id {pdu.RequestId} (awaiting {requestId})"),
        _ => new ManagerReply.Skip("an unexpected reply"),
    };

    /// <summary>What a Report's counter says about this user's request (the words net-snmp's tools print, and the likely cause).</summary>
    private string Meaning(Oid counter)
    {
        var user = engine.User;
        if (counter == UsmCounters.WrongDigestsOid)
            return $"authentication failure (usmStatsWrongDigests): the agent does not take user '{user.Name}''s authKey with {user.Auth}";
        if (counter == UsmCounters.UnknownUserNamesOid)
            return $"unknown user name '{user.Name}' (usmStatsUnknownUserNames)";
        if (counter == UsmCounters.UnsupportedSecLevelsOid)
            return $"unsupported security level (usmStatsUnsupportedSecLevels): the agent does not serve user '{user.Name}' at {user.Level}";
        if (counter == UsmCounters.DecryptionErrorsOid)
            return $"decryption error (usmStatsDecryptionErrors): the agent cannot decrypt with user '{user.Name}''s privKey";
        if (counter == UsmCounters.NotInTimeWindowsOid)
            return "not in time window (usmStatsNotInTimeWindows), in a report that does not authenticate as the user";
        if (counter == UsmCounters.UnknownEngineIdsOid)
            return "unknown engine ID (usmStatsUnknownEngineIDs) for the engine ID the agent itself gave";
        return $"refused with report {counter}";
    }
}
