using Playout.Snmp.Notifications;

namespace Playout.Snmp.Security;

/// <summary>
/// What the agent needs for SNMPv3, built from <see cref="UsmOptions"/>: the persistent engine (serve it as the snmpEngine
/// group), the views by name (for v3 users and v2c communities alike), the users, the statistics counters (served whether or
/// not v3 is on), and the USM model when any user is configured.
/// </summary>
public sealed record UsmSetup(PersistentEngine Engine, IReadOnlyDictionary<string, SnmpView> Views, IReadOnlyList<UsmUser> Users,
    UsmCounters Counters, UsmSecurityModel? Model)
{
    /// <summary>
    /// Starts the engine from <paramref name="stateFolder"/> (counting this boot) and builds views and users. Throws
    /// <see cref="FormatException"/> naming the view or user and the field for bad configuration.
    /// </summary>
    public static UsmSetup Build(UsmOptions options, string stateFolder, uint enterprise, int maxMessageSize, Action<string> log)
    {
        var views = options.Views.ToDictionary(v => v.Key, v => SnmpViewParser.Parse(v.Key, v.Value), StringComparer.Ordinal);
        var duplicate = options.Users.GroupBy(u => u.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FormatException($"SNMPv3 user '{duplicate.Key}' is configured {duplicate.Count()} times.");
        var engine = PersistentEngine.Start(stateFolder, enterprise, maxMessageSize, log);
        var users = options.Users.Select(u => UsmUserFactory.Create(u, engine.EngineId.Span, views)).ToArray();
        var counters = new UsmCounters();
        return new UsmSetup(engine, views, users, counters, users.Length > 0 ? new UsmSecurityModel(engine, users, counters) : null);
    }

    /// <summary>A community's access from the names of its read and write views (see <see cref="CommunityOptions"/>).</summary>
    public SnmpAccess CommunityAccess(string community, string? readView, string? writeView) => new(
        SnmpViewParser.Resolve(Views, $"SNMP community '{community}' readView", readView),
        SnmpViewParser.Resolve(Views, $"SNMP community '{community}' writeView", writeView));

    /// <summary>Notifications to <paramref name="manager"/> as the configured user <paramref name="userName"/> (SNMPv3).</summary>
    public INotificationSecurity NotificationSecurity(string manager, string userName, Action<string> log) =>
        new UsmNotificationSecurity(Engine,
            Users.FirstOrDefault(u => u.Name == userName)
                ?? throw new FormatException($"SNMP manager '{manager}': user '{userName}' is not a configured SNMPv3 user."),
            log);
}
