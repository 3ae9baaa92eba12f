namespace Playout.Snmp.Security;

/// <summary>
/// UsmSecurityParameters (RFC 3414 §2.4), carried BER-encoded inside msgSecurityParameters. <see cref="AuthParametersOffset"/>
/// is where msgAuthenticationParameters' bytes sit in the whole datagram, so the MAC can be checked over the message with
/// them zeroed (and written into an outgoing one).
/// </summary>
public sealed record UsmSecurityParameters(
    byte[] EngineId,
    int EngineBoots,
    int EngineTime,
    byte[] UserName,
    byte[] AuthParameters,
    byte[] PrivParameters,
    int AuthParametersOffset = -1);
