namespace Playout.Snmp.Security;

/// <summary>The SNMPv3 security levels, ordered so that a higher one includes the protection of a lower one.</summary>
public enum UsmSecurityLevel
{
    NoAuthNoPriv = 0,
    AuthNoPriv = 1,
    AuthPriv = 2,
}
