using System.Net;

namespace Playout.Snmp.Security;

/// <summary>
/// Who sent a request and what they may do, as the security model established it.
/// <paramref name="Principal"/> names them in logs and in what they change (an alarm's "acknowledged by"):
/// never a secret (no community string). <paramref name="MaxResponseSize"/> is the largest datagram the
/// response may take (the sender's msgMaxSize for v3, the agent's own limit for v2c).
/// <paramref name="SecurityState"/> is the model's own data carried from <see cref="ISecurityModel.Accept"/>
/// to <see cref="ISecurityModel.Encode"/> (v2c: the community; v3: msgID, user, level, context...).
/// </summary>
public sealed record RequestContext(
    string Principal,
    IAccessView View,
    int MaxResponseSize,
    IPEndPoint Peer,
    object? SecurityState = null);
