namespace Playout.Snmp.Security;

/// <summary>
/// One SNMPv3 user as configured. Auth is "SHA" (HMAC-SHA-96) or "SHA-256" (HMAC-192-SHA-256), priv "AES" (AES-128 CFB);
/// each takes a password or a key already localised to this engine (hex). A user with neither is noAuthNoPriv, allowed only
/// when <see cref="Auth"/> is "none" on purpose. Views name entries of the configured views; none configured means no access.
/// </summary>
public sealed record UsmUserOptions
{
    public string Name { get; init; } = "";
    public string? Auth { get; init; }
    public string? AuthPassword { get; init; }
    public string? AuthKey { get; init; }
    public string? Priv { get; init; }
    public string? PrivPassword { get; init; }
    public string? PrivKey { get; init; }
    public string? ReadView { get; init; }
    public string? WriteView { get; init; }
}
