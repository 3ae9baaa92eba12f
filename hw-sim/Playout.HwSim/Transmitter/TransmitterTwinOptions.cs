using System.Net;
using Playout.Snmp.Security;

namespace Playout.HwSim.Transmitter;

/// <summary>How the transmitter twin listens (loopback; port 0 picks one) and behaves.</summary>
public sealed record TransmitterTwinOptions
{
    public int Port { get; init; }
    public string Community { get; init; } = "public";
    public string? WriteCommunity { get; init; } = "private";
    public string Description { get; init; } = "Playout transmitter twin 1 kW";
    public double NominalWatts { get; init; } = 1000;

    /// <summary>From RF on to full power.</summary>
    public TimeSpan RampTime { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>An SNMPv3 user the twin also serves (with passwords; it reads and writes everything), beside v2c; null: v2c only.</summary>
    public UsmUserOptions? User { get; init; }

    /// <summary>Where the twin sends a v2c trap when a state or fault flag changes (<see cref="TransmitterTraps"/>); null: no traps.</summary>
    public IPEndPoint? TrapSink { get; init; }

    /// <summary>The community the traps carry.</summary>
    public string TrapCommunity { get; init; } = "public";
}
