namespace Playout.Snmp.Manager;

/// <summary>No valid response within the timeout, after every retry.</summary>
public sealed class SnmpTimeoutException(string message) : SnmpManagerException(message);
