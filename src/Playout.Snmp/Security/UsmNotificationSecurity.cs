using System.Text;
using Playout.Snmp.Agent;
using Playout.Snmp.Notifications;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Security;

/// <summary>
/// SNMPv3 notifications to one manager as one USM user, at the user's level.
/// A trap makes this engine authoritative: it carries our engine ID, boots and time, and the manager configures the user
/// under our engine ID. An inform makes the manager authoritative (RFC 3414 §1.5.1): <see cref="UsmRemoteEngine"/> discovers
/// it (the first try is the discovery probe; the sender's next try carries the inform) and keeps its clock.
/// </summary>
public sealed class UsmNotificationSecurity : INotificationSecurity
{
    private readonly ISnmpEngine _engine;
    private readonly UsmUser _user;
    private readonly byte[] _userName;
    private readonly Action<string> _report;
    private readonly UsmMessageWriter _writer = new();
    private readonly UsmRemoteEngine _manager;
    private int _msgId = Random.Shared.Next(1, int.MaxValue / 2);

    public UsmNotificationSecurity(ISnmpEngine engine, UsmUser user, Action<string> report)
    {
        _engine = engine;
        _user = user;
        _userName = Encoding.UTF8.GetBytes(user.Name);
        _report = report;
        _manager = new UsmRemoteEngine(user, engine.MaxMessageSize);
    }

    public byte[] Encode(Pdu pdu)
    {
        var msgId = Interlocked.Increment(ref _msgId) & int.MaxValue;
        if (pdu.Type == PduType.InformRequest)
            return _manager.Wrap(msgId, pdu);
        var ours = new UsmMessageWriter.Authority(_engine.EngineId.ToArray(), _engine.EngineBoots, _engine.EngineTime);
        return _writer.Write(msgId, _engine.MaxMessageSize, _user.Level, reportable: false, ours, _userName, _user.Auth,
            _user.LocalKeys, new ScopedPdu(ours.EngineId, [], pdu));
    }

    public Pdu? Decode(ReadOnlyMemory<byte> datagram)
    {
        switch (_manager.Read(datagram))
        {
            case UsmReply.Accepted { Pdu.Type: PduType.Response } accepted:
                return accepted.Pdu;
            case UsmReply.Refused { Learnt: false } refused when refused.Counter == UsmCounters.UnknownEngineIdsOid && !_user.CanLocalize:
                _report($"SNMPv3 informs as user '{_user.Name}' need its passwords (it is configured by keys localised to this engine).");
                return null;
            case UsmReply.Refused { Learnt: false } refused when refused.Counter != UsmCounters.UnknownEngineIdsOid:
                _report($"SNMPv3 notifications as user '{_user.Name}' refused by the manager: report {refused.Counter}.");
                return null;
            default:
                return null;
        }
    }
}
