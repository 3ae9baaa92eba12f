using Playout.Snmp.Security;

namespace Playout.Devices.Transmitter;

/// <summary>
/// The snmp-transmitter driver's SNMP version and, for version 3, its USM user: each problem is an
/// <see cref="ArgumentException"/> naming the setting. Keys are passphrases (net-snmp's <c>-A</c>/<c>-X</c>), localised to
/// the transmitter's engine once the manager has discovered it.
/// </summary>
internal static class SnmpV3Settings
{
    public static readonly string[] Names = ["version", "user", "securityLevel", "authProtocol", "authKey", "privProtocol", "privKey"];

    /// <summary>The user to speak as, or null for SNMPv2c (the default).</summary>
    public static UsmUserOptions? Parse(IReadOnlyDictionary<string, string> settings)
    {
        string version = settings.GetValueOrDefault("version") ?? "2c";
        if (version is not ("2c" or "3"))
            throw new ArgumentException($"version: '{version}' is not 2c or 3");
        if (version == "2c")
        {
            if (Names.Skip(1).FirstOrDefault(settings.ContainsKey) is { } v3Only)
                throw new ArgumentException($"{v3Only}: only with version 3");
            return null;
        }
        if (new[] { "community", "writeCommunity" }.FirstOrDefault(settings.ContainsKey) is { } community)
            throw new ArgumentException($"{community}: not used with version 3 (requests are authenticated as the user)");

        string user = settings.GetValueOrDefault("user") ?? throw new ArgumentException("user: missing (the SNMPv3 user name, with version 3)");
        if (user.Length is < 1 or > 32)
            throw new ArgumentException($"user: '{user}' is not 1 to 32 characters");
        string level = settings.GetValueOrDefault("securityLevel") ?? "authPriv";
        if (level is not ("authPriv" or "authNoPriv"))
            throw new ArgumentException($"securityLevel: '{level}' is not authPriv or authNoPriv");
        string authProtocol = settings.GetValueOrDefault("authProtocol") ?? throw new ArgumentException("authProtocol: missing (SHA or SHA-256)");
        var auth = UsmAuthProtocol.Parse(authProtocol) ?? throw new ArgumentException($"authProtocol: '{authProtocol}' is not SHA or SHA-256");
        string authKey = Passphrase(settings, "authKey");

        if (level == "authNoPriv")
        {
            if (new[] { "privProtocol", "privKey" }.FirstOrDefault(settings.ContainsKey) is { } priv)
                throw new ArgumentException($"{priv}: only with securityLevel authPriv");
            return new UsmUserOptions { Name = user, Auth = auth.Name, AuthPassword = authKey };
        }
        string privProtocol = settings.GetValueOrDefault("privProtocol") ?? "AES";
        if (!AesCfbPrivacy.IsName(privProtocol))
            throw new ArgumentException($"privProtocol: '{privProtocol}' is not AES (AES-128 CFB; DES is not supported)");
        return new UsmUserOptions { Name = user, Auth = auth.Name, AuthPassword = authKey, Priv = "AES", PrivPassword = Passphrase(settings, "privKey") };
    }

    private static string Passphrase(IReadOnlyDictionary<string, string> settings, string name)
    {
        string key = settings.GetValueOrDefault(name) ?? throw new ArgumentException($"{name}: missing (the passphrase, at least {UsmKeys.MinPasswordLength} characters)");
        return key.Length >= UsmKeys.MinPasswordLength ? key
            : throw new ArgumentException($"{name}: has {key.Length} characters; at least {UsmKeys.MinPasswordLength}");
    }
}
