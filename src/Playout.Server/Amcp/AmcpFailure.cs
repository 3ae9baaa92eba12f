namespace Playout.Server.Amcp;

/// <summary>
/// A command that cannot be carried out, with CasparCG's code for why; the reply is <c>CODE VERB ERROR|FAILED reason</c>.
/// Thrown by commands and turned into their reply by <see cref="AmcpDispatcher"/>; it never leaves a connection.
/// </summary>
public sealed class AmcpFailure(int code, string verb, string outcome, string reason) : Exception(reason)
{
    public int Code { get; } = code;

    /// <summary>The reply line, without REQ prefix or line end.</summary>
    public string Reply => $"{Code} {verb} {outcome} {Message}";

    /// <summary>401: the channel or layer named does not exist.</summary>
    public static AmcpFailure IllegalChannel(string verb, string reason) => new(401, verb, "ERROR", reason);

    /// <summary>402: a parameter is missing or malformed.</summary>
    public static AmcpFailure BadParameter(string verb, string reason) => new(402, verb, "ERROR", reason);

    /// <summary>403: the request is understood and refused (a layer AMCP may not drive, a file outside the media roots, an option not supported).</summary>
    public static AmcpFailure Refused(string verb, string reason) => new(403, verb, "FAILED", reason);

    /// <summary>404: no clip by that name.</summary>
    public static AmcpFailure NotFound(string verb, string reason) => new(404, verb, "FAILED", reason);
}
