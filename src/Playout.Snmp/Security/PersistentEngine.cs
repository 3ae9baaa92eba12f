using Playout.Snmp.Agent;

namespace Playout.Snmp.Security;

/// <summary>
/// The SNMPv3 engine of an agent with USM: engine ID and boots from the state folder (<see cref="SnmpEngineStateFile"/>),
/// snmpEngineTime counted from this start.
/// </summary>
public sealed class PersistentEngine : ISnmpEngine
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly byte[] _engineId;

    public PersistentEngine(byte[] engineId, int boots, int maxMessageSize, TimeProvider? time = null)
    {
        _engineId = engineId;
        EngineBoots = boots;
        MaxMessageSize = maxMessageSize;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    /// <summary>Starts the engine from its state file in <paramref name="stateFolder"/>, counting this start.</summary>
    public static PersistentEngine Start(string stateFolder, uint enterprise, int maxMessageSize, Action<string> log)
    {
        var (engineId, boots) = SnmpEngineStateFile.Start(stateFolder, enterprise, log);
        return new PersistentEngine(engineId, boots, maxMessageSize);
    }

    public ReadOnlyMemory<byte> EngineId => _engineId;

    public int EngineBoots { get; }

    /// <summary>Whole seconds since this start, capped at 2^31-1.</summary>
    public int EngineTime => (int)Math.Min(int.MaxValue, (long)_time.GetElapsedTime(_started).TotalSeconds);

    public int MaxMessageSize { get; }
}
