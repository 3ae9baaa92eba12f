namespace Playout.Snmp.Security;

/// <summary>
/// A USM user ready for use: its protocols, its master keys (Ku, to localise for a remote engine when sending informs)
/// and its keys localised to this engine, and its access. <see cref="Level"/> is the lowest level its messages may use.
/// </summary>
public sealed class UsmUser
{
    private readonly byte[]? _authMaster;
    private readonly byte[]? _privMaster;

    internal UsmUser(string name, UsmAuthProtocol? auth, bool priv, byte[]? authMaster, byte[]? privMaster,
        byte[]? authKey, byte[]? privKey, SnmpAccess access)
    {
        Name = name;
        Auth = auth;
        Priv = priv;
        _authMaster = authMaster;
        _privMaster = privMaster;
        AuthKey = authKey;
        PrivKey = privKey;
        Access = access;
    }

    public string Name { get; }

    public UsmAuthProtocol? Auth { get; }

    public bool Priv { get; }

    /// <summary>Kul for this engine, or null without authentication.</summary>
    public byte[]? AuthKey { get; }

    /// <summary>The privacy password's key localised to this engine (its first 16 bytes are the AES key), or null without privacy.</summary>
    public byte[]? PrivKey { get; }

    public SnmpAccess Access { get; }

    public UsmSecurityLevel Level => Priv ? UsmSecurityLevel.AuthPriv : Auth is null ? UsmSecurityLevel.NoAuthNoPriv : UsmSecurityLevel.AuthNoPriv;

    /// <summary>True when the user's keys can be localised for another engine (configured by password, not by localised key).</summary>
    public bool CanLocalize => (Auth is null || _authMaster is not null) && (!Priv || _privMaster is not null);

    /// <summary>The user's keys localised to <paramref name="engineId"/> (a notification receiver's engine, for informs).</summary>
    public UsmKeySet KeysFor(ReadOnlySpan<byte> engineId)
    {
        if (!CanLocalize)
            throw new InvalidOperationException($"SNMPv3 user '{Name}' is configured by localised keys; informs to another engine need its passwords.");
        return new UsmKeySet(
            Auth is null ? null : UsmKeys.Localize(Auth, _authMaster, engineId),
            Priv ? UsmKeys.Localize(Auth!, _privMaster, engineId) : null);
    }

    /// <summary>The keys for this engine.</summary>
    public UsmKeySet LocalKeys => new(AuthKey, PrivKey);
}

/// <summary>A user's auth and privacy keys localised to one engine.</summary>
public readonly record struct UsmKeySet(byte[]? AuthKey, byte[]? PrivKey);
