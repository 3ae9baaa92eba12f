using System.Diagnostics;

namespace Playout.Engine.Clocks;

/// <summary>The machine's own time: <see cref="Stopwatch"/>, <see cref="DateTimeOffset.UtcNow"/> and <see cref="PreciseWait"/>.</summary>
public sealed class MachineTime : ITimeSource
{
    public static MachineTime Instance { get; } = new();

    private MachineTime()
    {
    }

    public long Timestamp() => Stopwatch.GetTimestamp();

    public DateTimeOffset UtcNow() => DateTimeOffset.UtcNow;

    public void WaitUntil(long timestamp) => PreciseWait.Until(timestamp);

    public bool IsMachineTimer => true;
}
