using Playout.Snmp.Security;

namespace Playout.Snmp.Manager;

/// <summary>How long a manager waits for each try and how often it tries again before a request times out.</summary>
public sealed record SnmpManagerOptions
{
    /// <summary>
    /// SNMPv3: the USM user to speak as (its level follows from auth and priv; passwords, not localised keys); null: v2c with
    /// the communities. The views are not used.
    /// </summary>
    public UsmUserOptions? User { get; init; }

    /// <summary>The v2c read community.</summary>
    public string Community { get; init; } = "public";

    /// <summary>The community SETs are sent with; null: the read <see cref="Community"/>.</summary>
    public string? WriteCommunity { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries after the first (the same request-id, so a late answer to an earlier try still counts).</summary>
    public int Retries { get; init; } = 1;

    /// <summary>A walk stops with an error after this many bindings (an agent that never ends its MIB).</summary>
    public int MaxWalk { get; init; } = 10_000;
}
