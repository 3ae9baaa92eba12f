namespace Playout.Server.Amcp;

/// <summary>One parsed AMCP line: <c>[REQ id] VERB [channel[-layer]] parameters…</c>.</summary>
/// <param name="RequestId">The id of a <c>REQ id</c> prefix, echoed as <c>RES id </c> before the reply; null without one.</param>
/// <param name="Verb">The command, upper case.</param>
/// <param name="Channel">The channel number (from 1); null when the line names none.</param>
/// <param name="Layer">The layer number; null when the line names a channel only, or none.</param>
/// <param name="Parameters">The remaining tokens, unquoted and unescaped.</param>
/// <param name="Line">The line as received, for the 400 reply's echo.</param>
public sealed record AmcpRequest(string? RequestId, string Verb, int? Channel, int? Layer, IReadOnlyList<string> Parameters, string Line)
{
    /// <summary>Whether <paramref name="keyword"/> is among the parameters (any case), as CasparCG's flags (LOOP, AUTO) are.</summary>
    public bool Has(string keyword) => Parameters.Any(p => p.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameter after <paramref name="keyword"/> (SEEK 25, LENGTH 100, MIX 12); null when the keyword is absent.</summary>
    /// <exception cref="AmcpFailure">The keyword is last, with no value after it (402).</exception>
    public string? ValueAfter(string keyword)
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].Equals(keyword, StringComparison.OrdinalIgnoreCase))
                continue;
            return i + 1 < Parameters.Count ? Parameters[i + 1] : throw AmcpFailure.BadParameter(Verb, $"{keyword} needs a value");
        }
        return null;
    }
}
