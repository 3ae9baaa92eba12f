namespace Playout.Server.Amcp;

/// <summary>
/// CasparCG's reply framing: every line ends CRLF; <c>202 VERB OK</c> alone; <c>201 VERB OK</c> and one line of data;
/// <c>200 VERB OK</c>, lines of data, then an empty line; <c>400 ERROR</c> then the line received.
/// </summary>
public static class AmcpReply
{
    public const string LineEnd = "\r\n";

    public static string Ok(string verb) => $"202 {verb} OK{LineEnd}";

    public static string Data(string verb, string data) => $"201 {verb} OK{LineEnd}{data}{LineEnd}";

    public static string List(string verb, IEnumerable<string> lines) =>
        $"200 {verb} OK{LineEnd}{string.Concat(lines.Select(line => line + LineEnd))}{LineEnd}";

    /// <summary>400: no command this server knows on the line; the line is echoed, exactly CasparCG's two lines.</summary>
    public static string UnknownCommand(string line) => $"400 ERROR{LineEnd}{Printable(line)}{LineEnd}";

    /// <summary>504: the connection's queue is full and the line was dropped.</summary>
    public static string QueueFull(string verb) => $"504 {verb} FAILED queue full{LineEnd}";

    /// <summary>The reply as sent: prefixed <c>RES id </c> when the request carried <c>REQ id</c>.</summary>
    public static string Framed(string? requestId, string reply) => requestId is null ? reply : $"RES {requestId} {reply}";

    /// <summary>An echoed line with control characters shown as '?' so it cannot break the framing.</summary>
    private static string Printable(string line) => string.Create(line.Length, line, (span, text) =>
    {
        for (int i = 0; i < text.Length; i++)
            span[i] = char.IsControl(text[i]) ? '?' : text[i];
    });
}
