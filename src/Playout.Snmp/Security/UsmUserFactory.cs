namespace Playout.Snmp.Security;

/// <summary>Builds <see cref="UsmUser"/>s from configuration; every error names the user and the field.</summary>
public static class UsmUserFactory
{
    public static UsmUser Create(UsmUserOptions options, ReadOnlySpan<byte> engineId, IReadOnlyDictionary<string, SnmpView> views)
    {
        var who = $"SNMPv3 user '{options.Name}'";
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 32)
            throw new FormatException($"SNMPv3 user name '{options.Name}': must be 1 to 32 characters.");

        UsmAuthProtocol? auth = null;
        if (!string.Equals(options.Auth, "none", StringComparison.OrdinalIgnoreCase))
        {
            auth = UsmAuthProtocol.Parse(options.Auth)
                ?? throw new FormatException($"{who}: auth '{options.Auth}' is not SHA, SHA-256 or none (noAuthNoPriv has to be chosen explicitly).");
        }

        var priv = options.Priv is not null && !string.Equals(options.Priv, "none", StringComparison.OrdinalIgnoreCase);
        if (priv && !AesCfbPrivacy.IsName(options.Priv!))
            throw new FormatException($"{who}: priv '{options.Priv}' is not AES (AES-128) or none.");
        if (priv && auth is null)
            throw new FormatException($"{who}: priv needs auth (USM has no noAuthPriv level).");

        byte[]? authMaster = null, authKey = null, privMaster = null, privKey = null;
        if (auth is not null)
            (authMaster, authKey) = Keys(who, "auth", auth, options.AuthPassword, options.AuthKey, auth.KeyLength, engineId);
        if (priv)
            (privMaster, privKey) = Keys(who, "priv", auth!, options.PrivPassword, options.PrivKey, AesCfbPrivacy.KeyLength, engineId);

        var access = new SnmpAccess(
            SnmpViewParser.Resolve(views, $"{who} readView", options.ReadView),
            SnmpViewParser.Resolve(views, $"{who} writeView", options.WriteView));
        return new UsmUser(options.Name, auth, priv, authMaster, privMaster, authKey, privKey, access);
    }

    private static (byte[]? Master, byte[] Localized) Keys(string who, string field, UsmAuthProtocol auth, string? password, string? key,
        int minKeyLength, ReadOnlySpan<byte> engineId)
    {
        if ((password is null) == (key is null))
            throw new FormatException($"{who}: give exactly one of {field}Password and {field}Key.");
        if (password is not null)
        {
            if (password.Length < UsmKeys.MinPasswordLength)
                throw new FormatException($"{who}: {field}Password must have at least {UsmKeys.MinPasswordLength} characters.");
            var master = UsmKeys.PasswordToKey(auth, password);
            return (master, UsmKeys.Localize(auth, master, engineId));
        }
        byte[] localized;
        try { localized = Convert.FromHexString(key!.Replace(":", "").Replace(" ", "")); }
        catch (FormatException) { throw new FormatException($"{who}: {field}Key is not hexadecimal."); }
        if (localized.Length < minKeyLength || localized.Length > auth.KeyLength)
            throw new FormatException($"{who}: {field}Key has {localized.Length} bytes; {auth.Name} needs {auth.KeyLength} (a key localised to this engine).");
        return (null, localized);
    }
}
