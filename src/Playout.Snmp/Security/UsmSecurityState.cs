namespace Playout.Snmp.Security;

/// <summary>What a v3 request leaves for its response: the msgID, the user and level to answer with, and the PDU's context.</summary>
internal sealed record UsmSecurityState(int MsgId, UsmUser User, UsmSecurityLevel Level, byte[] ContextEngineId, byte[] ContextName);
