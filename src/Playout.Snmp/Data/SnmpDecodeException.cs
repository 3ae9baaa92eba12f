namespace Playout.Snmp.Data;

/// <summary>A datagram that is well-formed BER but not a valid SNMP message (or not BER at all); it is counted and dropped.</summary>
public sealed class SnmpDecodeException(string message) : Exception(message);
