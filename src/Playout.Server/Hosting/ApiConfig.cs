namespace Playout.Server.Hosting;

/// <summary>
/// Who may use the REST API (bearer tokens, each with a role), under which host names, and how much a request may send.
/// No tokens: the API is readable by anyone on this machine and changed only with the local engineer token the service
/// writes to its state folder, which is allowed only on loopback.
/// </summary>
public sealed record ApiConfig
{
    public IReadOnlyList<TokenConfig> Tokens { get; init; } = [];

    /// <summary>
    /// Host names (without port) requests may name in their Host header besides loopback ones and the address in "http":
    /// what browsers and clients use to reach the service. Any other name is refused, which stops DNS rebinding.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The largest body of a JSON request (a single-event edit), in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>The largest body of a file upload (a schedule file, a script), in bytes.</summary>
    public long MaxFileBodyBytes { get; init; } = 4 << 20;

    /// <summary>How many server-sent event streams may be open at once.</summary>
    public int MaxStreamClients { get; init; } = 16;

    internal void Validate(string where, string http, ConfigProblems problems)
    {
        for (int i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Token.Length < 16)
                problems.Add($"{where}.tokens[{i}].token", "at least 16 characters");
        }
        if (Tokens.Select(t => t.Token).Distinct(StringComparer.Ordinal).Count() != Tokens.Count)
            problems.Add($"{where}.tokens", "the same token is listed twice");
        // An "http" that is no address at all is reported as that (ValidateHttp), not as one beyond this machine.
        if (Tokens.Count == 0 && HostOf(http) is { Length: > 0 } host && Uri.CheckHostName(host) != UriHostNameType.Unknown && !IsLoopback(host))
            problems.Add(where, $"the API listens on {http}, beyond this machine, so it needs tokens (api.tokens)");
        for (int i = 0; i < AllowedHosts.Count; i++)
        {
            if (Uri.CheckHostName(AllowedHosts[i]) == UriHostNameType.Unknown)
                problems.Add($"{where}.allowedHosts[{i}]", $"'{AllowedHosts[i]}' is not a host name (a name or address, without scheme or port)");
        }
        if (MaxBodyBytes < 1024 || MaxFileBodyBytes < 1024)
            problems.Add(where, "maxBodyBytes and maxFileBodyBytes must be at least 1024");
        if (MaxStreamClients < 1)
            problems.Add($"{where}.maxStreamClients", "at least 1");
    }

    /// <summary>Refuses an "http" setting that is not HOST:PORT (Kestrel would crash on it, or listen somewhere else).</summary>
    internal static void ValidateHttp(string where, string http, ConfigProblems problems)
    {
        int colon = http.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(http[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)
            || port is < 1 or > 65535 || Uri.CheckHostName(HostOf(http)) == UriHostNameType.Unknown)
            problems.Add(where, $"'{http}' is not an address to listen on (HOST:PORT, such as 127.0.0.1:8080; port 1-65535)");
    }

    /// <summary>The host part of a "host:port" address (an IPv6 address without its brackets).</summary>
    public static string HostOf(string address) => address[..Math.Max(0, address.LastIndexOf(':'))].Trim('[', ']');

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
}

/// <summary>What a token may do: viewers read, operators also take/hold/skip, engineers also edit schedules and run scripts.</summary>
public enum ApiRole
{
    Viewer,
    Operator,
    Engineer,
}

public sealed record TokenConfig
{
    /// <summary>Who holds it (logged with what they do).</summary>
    public required string Name { get; init; }
    public required string Token { get; init; }
    public required ApiRole Role { get; init; }
}
