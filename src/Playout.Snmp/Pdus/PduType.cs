namespace Playout.Snmp.Pdus;

/// <summary>The PDU kinds, numbered by their context tag (RFC 3416 §3; 4 is SNMPv1's Trap-PDU, which v2c does not carry).</summary>
public enum PduType
{
    Get = 0,
    GetNext = 1,
    Response = 2,
    Set = 3,
    GetBulk = 5,
    InformRequest = 6,
    SnmpV2Trap = 7,
    Report = 8,
}
