namespace Playout.Snmp.Manager;

/// <summary>A request the agent refused (an error-status, naming the binding) or answered with nonsense; the message says which agent and why.</summary>
public class SnmpManagerException(string message) : Exception(message);
