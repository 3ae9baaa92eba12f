using System.Diagnostics;
using Playout.Snmp.Data;

namespace Playout.Snmp.Agent;

/// <summary>sysUpTime's clock: hundredths of a second since the agent started, shared by the system group and notifications.</summary>
public sealed class UpTime
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeTicks Now => TimeTicks.From(Stopwatch.GetElapsedTime(_started));
}
