namespace Playout.Server.Amcp;

/// <summary>
/// INFO: the plain list of channels (<c>200 INFO OK</c>, <c>N MODE PLAYING</c> per channel); <c>INFO n</c> the channel's state
/// as CasparCG 2.3's XML (<c>201 INFO OK</c>), <c>INFO n-l</c> the same with only that layer under <c>stage</c>.
/// </summary>
public sealed class AmcpInfo(AmcpChannels channels)
{
    public async Task<string> Run(AmcpRequest request)
    {
        if (request.Channel is not { } number)
        {
            if (request.Parameters.Count > 0)
                throw new AmcpFailure(501, "INFO", "FAILED", $"INFO {request.Parameters[0].ToUpperInvariant()} is not supported: INFO lists the channels, INFO n and INFO n-l give a channel's state");
            return AmcpReply.List("INFO", channels.Running.Select((c, i) => $"{i + 1} {AmcpFormatName.Of(c.Context.Format)} PLAYING"));
        }
        channels.Find(request);
        if (request.Layer is > AmcpChannels.MaxLayer)
            throw AmcpFailure.IllegalChannel("INFO", $"layer {request.Layer} is above {AmcpChannels.MaxLayer}");
        // The state waits for the channel's next tick: off the connection's thread.
        var state = await Task.Run(() => channels.State(number));
        if (request.Layer is { } layer)
            state = [.. state.Where(e => !e.Path.StartsWith("stage/", StringComparison.Ordinal) || e.Path.StartsWith($"stage/layer/{layer}/", StringComparison.Ordinal))];
        return AmcpReply.Data("INFO", AmcpInfoXml.Of(state));
    }
}
