using System.Globalization;
using System.Text;

namespace Playout.Server.Amcp;

/// <summary>
/// Reads one AMCP line as CasparCG does: tokens split by spaces and tabs, double quotes group a token, <c>\\</c> and
/// <c>\"</c> escape inside and outside quotes; an optional <c>REQ id</c> prefix; the verb (any case); a channel-layer
/// address (<c>1</c>, <c>1-10</c>) when the token after the verb is one. Total: any line gives a request or a reply.
/// </summary>
public static class AmcpParser
{
    /// <summary>The request on <paramref name="line"/> (without its line end), or the error reply for a line that holds none.</summary>
    public static AmcpParsed Parse(string line)
    {
        if (Tokenize(line) is not { } tokens)
        {
            // The REQ id is still answered: it comes before the open quote.
            var closed = Tokenize(line + "\"");
            string? id = closed is [var req, var value, ..] && req.Equals("REQ", StringComparison.OrdinalIgnoreCase) && IsId(value) ? value : null;
            return AmcpParsed.Failed(id, AmcpReply.UnknownCommand(line));
        }
        string? requestId = null;
        int at = 0;
        if (tokens.Count > 0 && tokens[0].Equals("REQ", StringComparison.OrdinalIgnoreCase))
        {
            if (tokens.Count < 2)
                return AmcpParsed.Failed(null, "402 REQ ERROR REQ needs an id\r\n");
            if (!IsId(tokens[1]))
                return AmcpParsed.Failed(null, "402 REQ ERROR a REQ id is printable and has no spaces\r\n");
            requestId = tokens[1];
            at = 2;
        }
        if (at >= tokens.Count)
            return AmcpParsed.Failed(requestId, AmcpReply.UnknownCommand(line));
        string verb = tokens[at].ToUpperInvariant();
        int? channel = null, layer = null;
        if (at + 1 < tokens.Count && IsAddress(tokens[at + 1]))
        {
            if (!TryAddress(tokens[at + 1], out channel, out layer))
                return AmcpParsed.Failed(requestId, AmcpFailure.IllegalChannel(verb, $"'{tokens[at + 1]}' is not a channel-layer this server has").Reply + "\r\n");
            at++;
        }
        return AmcpParsed.Ok(new AmcpRequest(requestId, verb, channel, layer, tokens.GetRange(at + 1, tokens.Count - at - 1), line));
    }

    /// <summary>The tokens of a line; null when a quote is left open.</summary>
    internal static List<string>? Tokenize(string line)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        bool quoted = false, inToken = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '\\' or '"')
            {
                token.Append(line[++i]);
                inToken = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                inToken = true;
            }
            else if (!quoted && c is ' ' or '\t')
            {
                if (inToken)
                    tokens.Add(token.ToString());
                token.Clear();
                inToken = false;
            }
            else
            {
                token.Append(c);
                inToken = true;
            }
        }
        if (quoted)
            return null;
        if (inToken)
            tokens.Add(token.ToString());
        return tokens;
    }

    /// <summary>An id that can be echoed in <c>RES id </c> without breaking the framing.</summary>
    private static bool IsId(string token) => token.Length > 0 && !token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Digits, optionally a dash and digits: an address (which may still name no channel).</summary>
    private static bool IsAddress(string token)
    {
        int dash = token.IndexOf('-');
        return dash < 0 ? AllDigits(token) : AllDigits(token[..dash]) && AllDigits(token[(dash + 1)..]);
    }

    private static bool AllDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static bool TryAddress(string token, out int? channel, out int? layer)
    {
        channel = layer = null;
        int dash = token.IndexOf('-');
        if (!int.TryParse(dash < 0 ? token : token[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int c) || c < 1)
            return false;
        channel = c;
        if (dash < 0)
            return true;
        if (!int.TryParse(token[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int l))
            return false;
        layer = l;
        return true;
    }
}

/// <summary>What a line parsed to: a request, or the reply for a line that holds none (with the REQ id when it had one).</summary>
public sealed record AmcpParsed(AmcpRequest? Request, string? RequestId, string? Error)
{
    public static AmcpParsed Ok(AmcpRequest request) => new(request, request.RequestId, null);

    public static AmcpParsed Failed(string? requestId, string reply) => new(null, requestId, reply);
}
