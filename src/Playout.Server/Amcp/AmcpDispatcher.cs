using Microsoft.Extensions.Logging;

namespace Playout.Server.Amcp;

/// <summary>Turns a line into its reply: parses it, runs the command it names, and answers every failure with its AMCP code.</summary>
public sealed class AmcpDispatcher(AmcpCommands commands, string version, ILogger log)
{
    /// <summary>The reply to <paramref name="line"/>, framed (with <c>RES id </c> for a <c>REQ id</c> line); null for BYE, which closes the connection.</summary>
    /// <param name="peer">Who sent it (the client's address): the log of commands that act on a channel, and who they are noted as (<c>amcp:PEER</c>).</param>
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
            reply = await Run(request, $"amcp:{peer}");
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
            log.LogInformation("AMCP {Peer}: {Line} -> {Reply}", peer, Flat(request.Line), Flat(reply.Length > 200 ? reply[..200] + "…" : reply).TrimEnd());
        return AmcpReply.Framed(request.RequestId, reply);
    }

    private Task<string> Run(AmcpRequest request, string who) => request.Verb switch
    {
        "PING" => Task.FromResult(string.Join(' ', ["PONG", .. request.Parameters]) + AmcpReply.LineEnd),
        "VERSION" => Task.FromResult(AmcpReply.Data("VERSION", version)),
        "INFO" => commands.Info.Run(request),
        "CLS" => Task.FromResult(AmcpReply.List("CLS", commands.Media.List())),
        "TLS" => Task.FromResult(AmcpReply.List("TLS", commands.Media.Templates())),
        "CINF" when request.Parameters.Count > 0 => Task.FromResult(AmcpReply.Data("CINF", commands.Media.Info(request.Parameters[0]))),
        "CINF" => throw AmcpFailure.BadParameter("CINF", "CINF needs a clip name"),
        "THUMBNAIL" => Task.FromResult(Thumbnail(request)),
        "LOAD" or "LOADBG" or "PLAY" or "PAUSE" or "RESUME" or "STOP" or "CLEAR" or "CALL" or "SWAP" when request.Channel is not null => commands.Layers.Run(request, who),
        "MIXER" when request.Channel is not null => commands.Mixer.Run(request, who),
        "CG" when request.Channel is not null => commands.Templates.Run(request, who),
        "ADD" or "REMOVE" when request.Channel is not null => commands.Outputs.Run(request),
        _ => Task.FromResult(AmcpReply.UnknownCommand(request.Line)),
    };

    /// <summary>THUMBNAIL LIST, RETRIEVE name, GENERATE name, GENERATE_ALL (the library makes thumbnails as it scans: nothing to do).</summary>
    private string Thumbnail(AmcpRequest request)
    {
        string what = request.Parameters.Count > 0 ? request.Parameters[0].ToUpperInvariant() : "";
        return what switch
        {
            "LIST" => AmcpReply.List("THUMBNAIL LIST", commands.Media.Thumbnails()),
            "RETRIEVE" when request.Parameters.Count > 1 => AmcpReply.Data("THUMBNAIL RETRIEVE", commands.Media.Thumbnail(request.Parameters[1])),
            "GENERATE" when request.Parameters.Count > 1 => AmcpReply.Ok("THUMBNAIL GENERATE"),
            "GENERATE_ALL" => AmcpReply.Ok("THUMBNAIL GENERATE_ALL"),
            "RETRIEVE" or "GENERATE" => throw AmcpFailure.BadParameter("THUMBNAIL", $"THUMBNAIL {what} needs a clip name"),
            _ => throw AmcpFailure.BadParameter("THUMBNAIL", "THUMBNAIL takes LIST, RETRIEVE, GENERATE or GENERATE_ALL"),
        };
    }

    /// <summary>A message on one line, so it cannot break the reply framing.</summary>
    internal static string Flat(string message) => message.ReplaceLineEndings(" ");
}
