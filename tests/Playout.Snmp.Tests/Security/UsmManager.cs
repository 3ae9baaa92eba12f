using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>Crafts requests the way a manager would, to put exact boots, times and keys in front of the model.</summary>
internal static class UsmManager
{
    private static readonly UsmMessageWriter Writer = new();

    public static byte[] Get(UsmUser user, UsmSecurityLevel level, int boots, int time, byte[]? engineId = null, int msgId = 42, bool reportable = true) =>
        Writer.Write(msgId, 1500, level, reportable, new UsmMessageWriter.Authority(engineId ?? UsmFixtures.EngineId, boots, time),
            Encoding.UTF8.GetBytes(user.Name), user.Auth, user.LocalKeys,
            new ScopedPdu(engineId ?? UsmFixtures.EngineId, [], Pdu.Request(PduType.Get, 1234, new VarBind(UsmTestAgent.SysDescr))));

    /// <summary>net-snmp's discovery probe: noAuthNoPriv, empty engine ID and user, reportable.</summary>
    public static byte[] Discovery() =>
        Writer.Write(7, 1500, UsmSecurityLevel.NoAuthNoPriv, true, new UsmMessageWriter.Authority([], 0, 0), [], null, default,
            new ScopedPdu([], [], Pdu.Request(PduType.Get, 99)));

    /// <summary>The Report a reply carries: its single counter OID, value and the reply's message.</summary>
    public static (Oid Counter, uint Value, SnmpV3Message Message, Pdu Pdu) Report(byte[] reply, UsmUser? user = null)
    {
        var message = SnmpV3Message.Decode(reply);
        var data = message.Data;
        if (message.Level == UsmSecurityLevel.AuthPriv)
            throw new InvalidOperationException("reports are never encrypted");
        var pdu = ScopedPdu.Decode(data).Pdu;
        Assert.Equal(PduType.Report, pdu.Type);
        var binding = Assert.Single(pdu.VarBinds);
        return (binding.Oid, ((Counter32)binding.Value).Value, message, pdu);
    }
}
