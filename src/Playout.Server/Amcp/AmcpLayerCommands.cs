using System.Globalization;
using Playout.Engine.Commands;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Engine.Stage;
using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// LOAD, LOADBG, PLAY, PAUSE, RESUME, STOP, CLEAR, CALL and SWAP: the channel commands REST and automation use
/// (<see cref="StageCommands"/>), applied at the channel's next tick; the reply comes once the tick has applied them.
/// Clips are made by the service's "clip" module from files <see cref="AmcpMedia"/> resolved inside the media roots.
/// </summary>
public sealed class AmcpLayerCommands(AmcpChannels channels, AmcpMedia media, ModuleRegistry modules, IReadOnlyList<string> protocols)
{
    public async Task<string> Run(AmcpRequest request, string who)
    {
        var channel = channels.Find(request);
        int number = request.Channel!.Value;
        string verb = request.Verb;
        if (verb == "CLEAR" && request.Layer is null)
        {
            await channels.Apply(number, new ChannelCommand($"clear channel {number} (AMCP's layers)", stage =>
            {
                foreach (var layer in stage.Layers.Where(l => channels.OwnerOf(number, l.Number) is null))
                {
                    layer.Stop();
                    layer.ClearBackground();
                }
            }), who);
            return AmcpReply.Ok(verb);
        }
        if (verb == "SWAP")
            return await Swap(request, who);
        int at = channels.Layer(request);
        var command = verb switch
        {
            "LOAD" => Load(at, Clip(channel, request)),
            "LOADBG" => LoadBackground(channel, request, at),
            // PLAY with a clip: loaded behind the layer and taken on the same tick.
            "PLAY" when request.Parameters.Count > 0 => Play(channel, request, at),
            "PLAY" => StageCommands.TakeAsLoaded(at),
            "PAUSE" => StageCommands.Pause(at),
            "RESUME" => StageCommands.Play(at),
            "CALL" => Call(channel, request, at),
            "CLEAR" => new ChannelCommand($"clear layer {at}", stage =>
            {
                stage[at].Stop();
                stage[at].ClearBackground();
            }) { Layer = at },
            _ => StageCommands.Stop(at),
        };
        await channels.Apply(number, command, who);
        return AmcpReply.Ok(verb);
    }

    /// <summary>LOADBG: the transition is read first, so a bad one leaves no clip made and unused.</summary>
    private ChannelCommand LoadBackground(ChannelRuntime channel, AmcpRequest request, int at)
    {
        var transition = AmcpTransition.Of(request);
        return StageCommands.LoadBackground(at, Clip(channel, request), transition: transition, autoTake: request.Has("AUTO"));
    }

    /// <summary>PLAY with a clip: loads it behind the layer and takes it, in one tick.</summary>
    private ChannelCommand Play(ChannelRuntime channel, AmcpRequest request, int layer)
    {
        var transition = AmcpTransition.Of(request) ?? Transition.Cut;
        var clip = Clip(channel, request);
        return new ChannelCommand($"play {clip.Name} on layer {layer} ({transition})", stage =>
        {
            stage[layer].LoadBackground(clip, transition);
            stage[layer].TakeAsLoaded();
        }, carries: clip) { Layer = layer };
    }

    /// <summary>LOAD: the clip goes on air at once holding its first frame, as CasparCG's LOAD shows it; PLAY starts it.</summary>
    private static ChannelCommand Load(int layer, Producer clip) =>
        new($"load {clip.Name} paused on layer {layer}", stage =>
        {
            stage[layer].Load(clip);
            stage[layer].Pause();
        }, carries: clip) { Layer = layer };

    /// <summary>CALL c-l SEEK frames, CALL c-l LOOP [0|1]: what CasparCG's clip producer answers to.</summary>
    private static ChannelCommand Call(ChannelRuntime channel, AmcpRequest request, int layer)
    {
        string what = request.Parameters.Count > 0 ? request.Parameters[0].ToUpperInvariant() : throw AmcpFailure.BadParameter("CALL", "CALL needs SEEK or LOOP");
        return what switch
        {
            "SEEK" => StageCommands.Seek(layer, channel.Context.Format.TimeOf(Frames(request, "SEEK") ?? 0)),
            "LOOP" => StageCommands.Loop(layer, request.Parameters.Count < 2 || request.Parameters[1] is "1" || request.Parameters[1].Equals("TRUE", StringComparison.OrdinalIgnoreCase)),
            _ => throw AmcpFailure.Refused("CALL", $"CALL {what} is not supported: clips here answer SEEK and LOOP"),
        };
    }

    /// <summary>SWAP c-l c-l [TRANSFORMS]: two layers of one channel trade what they play (both must be AMCP's).</summary>
    private async Task<string> Swap(AmcpRequest request, string who)
    {
        if (request.Parameters.Count == 0)
            throw AmcpFailure.BadParameter("SWAP", "SWAP needs the other channel-layer");
        var other = AmcpParser.Parse($"SWAP {request.Parameters[0]}").Request;
        if (other?.Channel is not { } otherChannel)
            throw AmcpFailure.BadParameter("SWAP", $"'{request.Parameters[0]}' is not a channel-layer");
        if (otherChannel != request.Channel || request.Layer is null || other.Layer is null)
            throw new AmcpFailure(501, "SWAP", "FAILED", "only two layers of one channel can be swapped here (not whole channels, nor layers of two channels)");
        int number = request.Channel!.Value, at = channels.Layer(request), with = channels.Layer("SWAP", number, other.Layer.Value);
        await channels.Apply(number, StageCommands.Swap(at, with, request.Parameters.Skip(1).Any(p => p.Equals("TRANSFORMS", StringComparison.OrdinalIgnoreCase))), who);
        return AmcpReply.Ok("SWAP");
    }

    /// <summary>The clip the first parameter names, with LOOP, SEEK and LENGTH (in the channel's frames).</summary>
    internal Producer Clip(ChannelRuntime channel, AmcpRequest request)
    {
        if (request.Parameters.Count == 0)
            throw AmcpFailure.BadParameter(request.Verb, "a clip name is needed");
        string path = media.Resolve(request.Verb, request.Parameters[0]);
        var format = channel.Context.Format;
        long seek = Frames(request, "SEEK") ?? 0;
        long? length = Frames(request, "LENGTH");
        var settings = ModuleSettings.Empty.With("in", format.TimeOf(seek)).With("loop", request.Has("LOOP")).With("protocols", protocols);
        if (length is { } frames)
            settings = settings.With("out", format.TimeOf(seek + frames));
        return modules.CreateProducer("clip", new ProducerRequest(channel.Context, path, settings));
    }

    /// <summary>The frame count after <paramref name="keyword"/>; null without the keyword.</summary>
    /// <exception cref="AmcpFailure">402 for a value that is not a count of frames (0 to 10 000 000).</exception>
    internal static long? Frames(AmcpRequest request, string keyword)
    {
        if (request.ValueAfter(keyword) is not { } text)
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long frames) && frames <= 10_000_000 ? frames
            : throw AmcpFailure.BadParameter(request.Verb, $"{keyword} takes a number of frames (0 to 10000000); got '{text}'");
    }
}
