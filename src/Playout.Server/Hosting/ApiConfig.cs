namespace Playout.Server.Hosting;

/// <summary>Who may use the REST API: bearer tokens, each with a role. No tokens: the API is open, which is allowed only on loopback.</summary>
public sealed record ApiConfig
{
    public IReadOnlyList<TokenConfig> Tokens { get; init; } = [];

    internal void Validate(string where, string http, ConfigProblems problems)
    {
        for (int i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Token.Length < 16)
                problems.Add($"{where}.tokens[{i}].token", "at least 16 characters");
        }
        if (Tokens.Select(t => t.Token).Distinct(StringComparer.Ordinal).Count() != Tokens.Count)
            problems.Add($"{where}.tokens", "the same token is listed twice");
        if (Tokens.Count == 0 && !IsLoopback(http))
            problems.Add(where, $"the API listens on {http}, beyond this machine, so it needs tokens (api.tokens)");
    }

    private static bool IsLoopback(string http)
    {
        string host = http[..Math.Max(0, http.LastIndexOf(':'))].Trim('[', ']');
        return host is "localhost" || System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
    }
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
