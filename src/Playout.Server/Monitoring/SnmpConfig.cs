using System.Net;
using Playout.Server.Hosting;
using Playout.Snmp.Data;

namespace Playout.Server.Monitoring;

/// <summary>
/// The SNMP agent (docs/MONITORING.md). Closed by default: it listens on loopback only, answers the read community
/// "public", and nothing can be written until a write community is configured. Listening beyond this machine needs a
/// read community other than "public".
/// </summary>
public sealed record SnmpConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>HOST:PORT the agent listens on (UDP); 161 is the standard port when run as the host's agent.</summary>
    public string Listen { get; init; } = "127.0.0.1:1161";

    public string ReadCommunity { get; init; } = "public";

    /// <summary>The community that may acknowledge alarms; none by default (no SNMP writes).</summary>
    public string? WriteCommunity { get; init; }

    /// <summary>The enterprise prefix PLAYOUT-MIB is served under (configs/PLAYOUT-MIB.txt uses the documentation number 32473).</summary>
    public string Enterprise { get; init; } = "1.3.6.1.4.1.32473";

    /// <summary>sysName; the machine's name when empty.</summary>
    public string? Name { get; init; }

    public string Contact { get; init; } = "";

    public string Location { get; init; } = "";

    /// <summary>GETBULK's max-repetitions is capped here.</summary>
    public int MaxRepetitions { get; init; } = 64;

    /// <summary>Managers that receive a trap or inform on every alarm raise, clear and acknowledge, and channel state change.</summary>
    public IReadOnlyList<SnmpManagerConfig> Managers { get; init; } = [];

    /// <summary>How long an inform waits for its answer before its first retry (each retry waits twice as long).</summary>
    public double InformTimeoutSeconds { get; init; } = 1;

    public int InformRetries { get; init; } = 3;

    private const string EnterprisesPrefix = "1.3.6.1.4.1.";

    internal IPEndPoint ListenEndPoint => ParseEndPoint(Listen)!;

    internal Oid EnterpriseOid => Oid.Parse(Enterprise);

    internal void Validate(string where, ConfigProblems problems)
    {
        if (ParseEndPoint(Listen) is not { } listen)
            problems.Add($"{where}.listen", $"'{Listen}' is not an address to listen on (IP:PORT, such as 127.0.0.1:1161; port 1-65535)");
        else if (!IPAddress.IsLoopback(listen.Address) && ReadCommunity == "public")
            problems.Add($"{where}.listen", $"{Listen} is beyond this machine, so the agent needs a read community other than \"public\" (snmp.readCommunity)");
        if (ReadCommunity.Length == 0)
            problems.Add($"{where}.readCommunity", "must not be empty");
        if (WriteCommunity is { } write && (write.Length < 8 || write == ReadCommunity))
            problems.Add($"{where}.writeCommunity", "at least 8 characters, and not the read community");
        if (!Oid.TryParse(Enterprise, out var enterprise) || !Enterprise.StartsWith(EnterprisesPrefix, StringComparison.Ordinal) || enterprise.Length < 7)
            problems.Add($"{where}.enterprise", $"'{Enterprise}' is not an enterprise OID ({EnterprisesPrefix}N)");
        if (MaxRepetitions is < 1 or > 1000)
            problems.Add($"{where}.maxRepetitions", $"1 to 1000; got {MaxRepetitions}");
        if (!double.IsFinite(InformTimeoutSeconds) || InformTimeoutSeconds is < 0.01 or > 60)
            problems.Add($"{where}.informTimeoutSeconds", $"0.01 to 60 seconds; got {InformTimeoutSeconds}");
        if (InformRetries is < 0 or > 10)
            problems.Add($"{where}.informRetries", $"0 to 10; got {InformRetries}");
        for (var i = 0; i < Managers.Count; i++)
            Managers[i].Validate($"{where}.managers[{i}]", problems);
    }

    /// <summary>An IP:PORT (IPv6 in brackets) with a port from 1 to 65535, or null.</summary>
    internal static IPEndPoint? ParseEndPoint(string text) =>
        IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0 ? endPoint : null;
}

/// <summary>A manager notifications go to.</summary>
public sealed record SnmpManagerConfig
{
    /// <summary>IP:PORT of the manager's notification receiver (162 is the standard port).</summary>
    public required string Address { get; init; }

    public string Community { get; init; } = "public";

    /// <summary>Send InformRequests (acknowledged, retried) instead of traps.</summary>
    public bool Inform { get; init; }

    internal IPEndPoint EndPoint => SnmpConfig.ParseEndPoint(Address)!;

    internal void Validate(string where, ConfigProblems problems)
    {
        if (SnmpConfig.ParseEndPoint(Address) is null)
            problems.Add($"{where}.address", $"'{Address}' is not a manager's address (IP:PORT, such as 192.0.2.10:162)");
        if (Community.Length == 0)
            problems.Add($"{where}.community", "must not be empty");
    }
}
