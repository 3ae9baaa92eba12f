using System.Net;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>Where the agent listens and the limits it keeps. Closed by default: loopback only, no write community.</summary>
public sealed record SnmpAgentOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>1161 by default so the service needs no privilege; 161 when installed as the host's agent. 0 picks a free port.</summary>
    public int Port { get; init; } = 1161;

    public CommunityOptions Communities { get; init; } = new();

    /// <summary>The largest response datagram (snmpEngineMaxMessageSize); the UDP maximum by default.</summary>
    public int MaxMessageSize { get; init; } = 65507;

    /// <summary>GETBULK's max-repetitions is capped here whatever a manager asks.</summary>
    public int MaxRepetitions { get; init; } = 64;
}
