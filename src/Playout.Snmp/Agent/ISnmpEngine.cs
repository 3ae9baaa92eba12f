namespace Playout.Snmp.Agent;

/// <summary>
/// The local SNMP engine's identity (SNMP-FRAMEWORK-MIB snmpEngine group, RFC 3411 §5). The USM model owns
/// the persisted one (engine ID and boots kept across restarts); <see cref="VolatileEngine"/> serves a
/// v2c-only agent.
/// </summary>
public interface ISnmpEngine
{
    /// <summary>snmpEngineID: 5 to 32 octets.</summary>
    ReadOnlyMemory<byte> EngineId { get; }

    /// <summary>snmpEngineBoots: times the engine has (re)initialised its engine ID's lifetime.</summary>
    int EngineBoots { get; }

    /// <summary>snmpEngineTime: seconds since the last boot.</summary>
    int EngineTime { get; }

    /// <summary>snmpEngineMaxMessageSize: the largest message the engine sends or accepts.</summary>
    int MaxMessageSize { get; }
}
