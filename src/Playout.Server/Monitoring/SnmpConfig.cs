using System.Net;
using Playout.Server.Hosting;
using Playout.Snmp.Data;
using Playout.Snmp.Security;

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

    /// <summary>The view (from <see cref="Views"/>) the read community reads; none: the whole tree.</summary>
    public string? ReadCommunityView { get; init; }

    /// <summary>The view the write community reads and writes; none: the whole tree.</summary>
    public string? WriteCommunityView { get; init; }

    /// <summary>Named views for communities and SNMPv3 users (docs/SNMPV3.md): "include OID", "exclude OID", optionally "mask HEX".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Views { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>SNMPv3 users (docs/SNMPV3.md); none: no SNMPv3.</summary>
    public IReadOnlyList<UsmUserOptions> Users { get; init; } = [];

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
        var views = ValidateViews(where, problems);
        ValidateUsers(where, views, problems);
        foreach (var (key, view) in new[] { ("readCommunityView", ReadCommunityView), ("writeCommunityView", WriteCommunityView) })
            if (view is not null && !views.ContainsKey(view))
                problems.Add($"{where}.{key}", $"no view named '{view}' in {where}.views");
        for (var i = 0; i < Managers.Count; i++)
            Managers[i].Validate($"{where}.managers[{i}]", Users, problems);
    }

    internal UsmOptions Usm => new() { Views = Views, Users = Users };

    private Dictionary<string, SnmpView> ValidateViews(string where, ConfigProblems problems)
    {
        var views = new Dictionary<string, SnmpView>(StringComparer.Ordinal);
        foreach (var (name, entries) in Views)
        {
            try
            {
                views[name] = SnmpViewParser.Parse(name, entries);
            }
            catch (FormatException error)
            {
                problems.Add($"{where}.views.{name}", error.Message);
            }
        }
        return views;
    }

    /// <summary>Builds each user as the agent will (keys localised to a stand-in engine ID) so a bad one is named at load.</summary>
    private void ValidateUsers(string where, IReadOnlyDictionary<string, SnmpView> views, ConfigProblems problems)
    {
        var standIn = new byte[] { 0x80, 0, 0x7E, 0xD9, 5, 1, 2, 3, 4, 5, 6, 7, 8 };
        for (var i = 0; i < Users.Count; i++)
        {
            try
            {
                UsmUserFactory.Create(Users[i], standIn, views);
            }
            catch (FormatException error)
            {
                problems.Add($"{where}.users[{i}]", error.Message);
            }
        }
        foreach (var name in Users.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"{where}.users", $"two users are named '{name}'");
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

    /// <summary>The v2c community notifications carry (when no <see cref="User"/> is named).</summary>
    public string Community { get; init; } = "public";

    /// <summary>An SNMPv3 user from snmp.users: notifications go as SNMPv3 under that user instead of v2c.</summary>
    public string? User { get; init; }

    /// <summary>Send InformRequests (acknowledged, retried) instead of traps.</summary>
    public bool Inform { get; init; }

    internal IPEndPoint EndPoint => SnmpConfig.ParseEndPoint(Address)!;

    internal void Validate(string where, IReadOnlyList<UsmUserOptions> users, ConfigProblems problems)
    {
        if (SnmpConfig.ParseEndPoint(Address) is null)
            problems.Add($"{where}.address", $"'{Address}' is not a manager's address (IP:PORT, such as 192.0.2.10:162)");
        if (Community.Length == 0)
            problems.Add($"{where}.community", "must not be empty");
        if (User is not null && users.All(u => u.Name != User))
            problems.Add($"{where}.user", $"no SNMPv3 user named '{User}' in snmp.users");
    }
}
