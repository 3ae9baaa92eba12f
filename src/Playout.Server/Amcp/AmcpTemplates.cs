using Playout.Engine.Commands;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// CG on our graphics: a template is a picture file in the media roots (PNG with alpha, as TLS lists them), shown keyed
/// over the layers below by the service's "graphic" module, one per AMCP layer. ADD loads it (on air at once with play-on-load
/// 1, else waiting for PLAY), PLAY takes it, STOP and REMOVE take it off, CLEAR also drops a waiting one, UPDATE shows
/// the picture its data names instead. The CG layer number is checked and otherwise not used (one graphic a layer).
/// </summary>
public sealed class AmcpTemplates(AmcpChannels channels, AmcpMedia media, ModuleRegistry modules)
{
    public async Task<string> Run(AmcpRequest request, string who)
    {
        var channel = channels.Find(request);
        int number = request.Channel!.Value, layer = channels.Layer(request);
        var words = request.Parameters;
        if (words.Count == 0)
            throw AmcpFailure.BadParameter("CG", "CG needs ADD, PLAY, STOP, REMOVE, CLEAR or UPDATE");
        string what = words[0].ToUpperInvariant();
        if (what is "ADD" or "PLAY" or "STOP" or "REMOVE" or "UPDATE" or "NEXT" or "INVOKE")
            CgLayer(words);
        var command = what switch
        {
            "ADD" when words.Count >= 3 => Add(channel, layer, words[2], playOnLoad: words.Count > 3 && words[3] is "1" or "true" or "TRUE"),
            "ADD" => throw AmcpFailure.BadParameter("CG", "CG ADD needs a CG layer and a template"),
            "PLAY" => StageCommands.TakeAsLoaded(layer),
            "STOP" or "REMOVE" => StageCommands.Stop(layer),
            "CLEAR" => new ChannelCommand($"graphics cleared on layer {layer}", stage =>
            {
                stage[layer].Stop();
                stage[layer].ClearBackground();
            }) { Layer = layer },
            "UPDATE" when words.Count >= 3 => Update(channel, layer, words[2]),
            "UPDATE" => throw AmcpFailure.BadParameter("CG", "CG UPDATE needs a CG layer and data (here: the picture to show)"),
            _ => throw new AmcpFailure(501, "CG", "FAILED", $"CG {what} is not supported: templates here are still pictures (ADD, PLAY, STOP, REMOVE, CLEAR, UPDATE)"),
        };
        await channels.Apply(number, command, who);
        return AmcpReply.Ok("CG");
    }

    private ChannelCommand Add(ChannelRuntime channel, int layer, string template, bool playOnLoad)
    {
        var graphic = Graphic(channel, template);
        return playOnLoad ? StageCommands.Load(layer, graphic) : StageCommands.LoadBackground(layer, graphic);
    }

    /// <summary>UPDATE: the data names the picture to show instead (on air when one is, else waiting for PLAY).</summary>
    private ChannelCommand Update(ChannelRuntime channel, int layer, string data)
    {
        var graphic = Graphic(channel, data);
        return new ChannelCommand($"graphic {graphic.Name} on layer {layer}", stage =>
        {
            if (stage[layer].Foreground is null)
                stage[layer].LoadBackground(graphic);
            else
                stage[layer].Load(graphic);
        }, carries: graphic) { Layer = layer };
    }

    private Producer Graphic(ChannelRuntime channel, string template)
    {
        string path = media.Resolve("CG", template);
        try
        {
            return modules.CreateProducer("graphic", new ProducerRequest(channel.Context, path, ModuleSettings.Empty));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new AmcpFailure(502, "CG", "FAILED", $"'{template}' cannot be shown as a template (a picture file): {error.Message}");
        }
    }

    private static void CgLayer(IReadOnlyList<string> words)
    {
        if (words.Count < 2 || !int.TryParse(words[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            throw AmcpFailure.BadParameter("CG", $"CG {words[0].ToUpperInvariant()} needs a CG layer number");
    }
}
