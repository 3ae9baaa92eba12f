namespace Playout.Snmp.Security;

/// <summary>SNMPv2c communities. Closed by default for writing: no write community unless one is configured.</summary>
public sealed record CommunityOptions
{
    public string ReadCommunity { get; init; } = "public";

    /// <summary>Null: SETs are refused (noAccess) whatever the community.</summary>
    public string? WriteCommunity { get; init; }

    /// <summary>The read community's views (configured views, see <see cref="UsmSetup"/>); null: read the whole tree.</summary>
    public IAccessView? ReadAccess { get; init; }

    /// <summary>The write community's views; null: read and write the whole tree.</summary>
    public IAccessView? WriteAccess { get; init; }
}
