using Microsoft.Extensions.Logging;

namespace Playout.Server.Amcp;

/// <summary>Turns a line into its reply: parses it, runs the command it names, and answers every failure with its AMCP code.</summary>
public sealed class AmcpDispatcher(AmcpChannels channels, AmcpMedia media, AmcpLayerCommands layers, string version, ILogger log)
{
    /// <summary>The reply to <paramref name="line"/>, framed (with <c>RES id </c> for a <c>REQ id</c> line); null for BYE, which closes the connection.</summary>
    /// <param name="peer">Who sent it (the client's address), for the log of commands that act on a channel.</param>
    public async Task<string?> Handle(string line, string peer)
    {
        var parsed = AmcpParser.Parse(line);
        if (parsed.Request is not { } request)
            return AmcpReply.Framed(parsed.RequestId, parsed.Error!);
        if (request.Verb == "BYE")
            return null;
        string reply;
        try
        {
            reply = await Run(request);
        }
        catch (AmcpFailure failure)
        {
            reply = failure.Reply + AmcpReply.LineEnd;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            log.LogWarning("AMCP {Verb} failed: {Error}", request.Verb, error.Message);
            reply = $"501 {request.Verb} FAILED {Flat(error.Message)}{AmcpReply.LineEnd}";
        }
        if (request.Channel is not null)
            log.LogInformation("AMCP {Peer}: {Line} -> {Reply}", peer, Flat(request.Line), Flat(reply).TrimEnd());
        return AmcpReply.Framed(request.RequestId, reply);
    }

    private Task<string> Run(AmcpRequest request) => request.Verb switch
    {
        "PING" => Task.FromResult(string.Join(' ', ["PONG", .. request.Parameters]) + AmcpReply.LineEnd),
        "VERSION" => Task.FromResult(AmcpReply.Data("VERSION", version)),
        "INFO" when request.Channel is null && request.Parameters.Count == 0 => Task.FromResult(AmcpReply.List("INFO", channels.Running.Select((c, i) =>
            $"{i + 1} {AmcpFormatName.Of(c.Context.Format)} PLAYING"))),
        "INFO" => throw AmcpFailure.Refused("INFO", "only the plain INFO list is supported yet"),
        "CLS" => Task.FromResult(AmcpReply.List("CLS", media.List())),
        "TLS" => Task.FromResult(AmcpReply.List("TLS", [])),
        "LOAD" or "LOADBG" or "PLAY" or "PAUSE" or "RESUME" or "STOP" or "CLEAR" when request.Channel is not null => layers.Run(request),
        _ => Task.FromResult(AmcpReply.UnknownCommand(request.Line)),
    };

    /// <summary>A message on one line, so it cannot break the reply framing.</summary>
    internal static string Flat(string message) => message.ReplaceLineEndings(" ");
}
