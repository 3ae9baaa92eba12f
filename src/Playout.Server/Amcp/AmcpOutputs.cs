using System.Collections.Concurrent;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;

namespace Playout.Server.Amcp;

/// <summary>
/// ADD c[-index] STREAM url and REMOVE c-index / REMOVE c STREAM url: an encoded stream of a channel's programme made by
/// the service's "stream" output module. Off unless <c>amcp.outputProtocols</c> names the protocols it may send over;
/// files are never written; at most <see cref="PerChannel"/> added outputs a channel.
/// </summary>
public sealed class AmcpOutputs(AmcpChannels channels, ModuleRegistry modules, IReadOnlyList<string> protocols)
{
    /// <summary>Outputs AMCP may add to one channel (each is an encoder).</summary>
    public const int PerChannel = 4;

    private readonly ConcurrentDictionary<(int Channel, string Key), IConsumer> _added = new();

    public async Task<string> Run(AmcpRequest request)
    {
        var channel = channels.Find(request);
        int number = request.Channel!.Value;
        string verb = request.Verb;
        if (protocols.Count == 0)
            throw AmcpFailure.Refused(verb, "adding outputs over AMCP is off; list the protocols it may use in amcp.outputProtocols");
        if (verb == "REMOVE" && request.Layer is { } index)
            return await Remove(channel.Channel, number, $"#{index}", verb);
        string url = Url(request);
        if (verb == "REMOVE")
            return await Remove(channel.Channel, number, url, verb);
        string key = request.Layer is { } at ? $"#{at}" : url;
        if (_added.Keys.Count(k => k.Channel == number) >= PerChannel)
            throw AmcpFailure.Refused(verb, $"channel {number} already has {PerChannel} outputs added over AMCP; REMOVE one first");
        if (_added.ContainsKey((number, key)) || _added.Any(a => a.Key.Channel == number && a.Key.Key == url))
            throw AmcpFailure.Refused(verb, $"channel {number} already has an output {(key == url ? url : $"at {key[1..]}")}");
        IConsumer output;
        try
        {
            output = modules.CreateConsumer("stream", new ConsumerRequest(channel.Context, ModuleSettings.Empty.With("url", url)));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new AmcpFailure(502, verb, "FAILED", $"the stream to {url} could not be opened: {error.Message}");
        }
        _added[(number, key)] = output;
        if (key != url)
            _added[(number, url)] = output;
        channel.Channel.AddConsumer(output);
        return AmcpReply.Ok(verb);
    }

    private async Task<string> Remove(Engine.Channels.Channel channel, int number, string key, string verb)
    {
        if (!_added.TryGetValue((number, key), out var output))
            throw AmcpFailure.NotFound(verb, $"channel {number} has no output {(key.StartsWith('#') ? $"at {key[1..]}" : key)} added over AMCP");
        foreach (var entry in _added.Where(a => ReferenceEquals(a.Value, output)).ToList())
            _added.TryRemove(entry.Key, out _);
        await channel.RemoveConsumer(output);
        return AmcpReply.Ok(verb);
    }

    /// <summary>STREAM url: a network address over one of the allowed protocols, nothing after it.</summary>
    private string Url(AmcpRequest request)
    {
        if (request.Parameters.Count < 2 || !request.Parameters[0].Equals("STREAM", StringComparison.OrdinalIgnoreCase))
            throw AmcpFailure.BadParameter(request.Verb, $"{request.Verb} takes STREAM and a url (udp://, srt://…); other consumers are not added over AMCP");
        if (request.Parameters.Count > 2)
            throw AmcpFailure.Refused(request.Verb, "encoder options are not taken over AMCP: give the url only (the encoder's settings are the stream output's defaults)");
        string url = request.Parameters[1];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || !protocols.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            throw AmcpFailure.Refused(request.Verb, $"'{url}' is not a url over {string.Join(", ", protocols)} (amcp.outputProtocols)");
        return url;
    }
}
