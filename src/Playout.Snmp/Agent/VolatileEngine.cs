using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Playout.Snmp.Agent;

/// <summary>
/// An engine whose ID is made afresh at each start (RFC 3411 format 5, "octets", under the agent's
/// enterprise) and whose boots count is always 1: enough for v2c, where nothing depends on them.
/// </summary>
public sealed class VolatileEngine : ISnmpEngine
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public VolatileEngine(uint enterprise, int maxMessageSize)
    {
        var id = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(id, 0x80000000u | enterprise);
        id[4] = 5;
        RandomNumberGenerator.Fill(id.AsSpan(5));
        EngineId = id;
        MaxMessageSize = maxMessageSize;
    }

    public ReadOnlyMemory<byte> EngineId { get; }

    public int EngineBoots => 1;

    public int EngineTime => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(_started).TotalSeconds);

    public int MaxMessageSize { get; }
}
