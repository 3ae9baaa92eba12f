using System.Globalization;
using Playout.Engine.Commands;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Engine.Stage;
using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// LOAD, LOADBG, PLAY, PAUSE, RESUME, STOP, CLEAR: the channel commands REST and automation use (<see cref="StageCommands"/>),
/// applied at the channel's next tick; the reply comes once the tick has applied them. Clips are made by the service's
/// "clip" module from files <see cref="AmcpMedia"/> resolved inside the media roots.
/// </summary>
public sealed class AmcpLayerCommands(AmcpChannels channels, AmcpMedia media, ModuleRegistry modules, IReadOnlyList<string> protocols)
{
    /// <summary>How long a reply waits for the channel to apply its command.</summary>
    private static readonly TimeSpan ApplyLimit = TimeSpan.FromSeconds(5);

    public async Task<string> Run(AmcpRequest request)
    {
        var channel = channels.Find(request);
        string verb = request.Verb;
        if (verb == "CLEAR" && request.Layer is null)
        {
            int number = request.Channel!.Value;
            await Apply(channel, new ChannelCommand($"AMCP clear channel {number}", stage =>
            {
                foreach (var layer in stage.Layers.Where(l => channels.OwnerOf(number, l.Number) is null))
                    layer.Stop();
            }));
            return AmcpReply.Ok(verb);
        }
        int at = channels.Layer(request);
        if (verb == "LOADBG" && request.Has("AUTO"))
            throw AmcpFailure.Refused(verb, "AUTO (play when the clip on air ends) is not supported yet");
        var command = verb switch
        {
            "LOAD" => Load(at, Clip(channel, request)),
            "LOADBG" => StageCommands.LoadBackground(at, Clip(channel, request)),
            // The transition is read first: a bad MIX value must not leave a clip made and never used.
            "PLAY" when request.Parameters.Count > 0 && TransitionOf(request) is var transition => Play(at, Clip(channel, request), transition),
            "PLAY" => StageCommands.Take(at, Transition.Cut),
            "PAUSE" => StageCommands.Pause(at),
            "RESUME" => StageCommands.Play(at),
            _ => StageCommands.Stop(at),
        };
        await Apply(channel, command);
        return AmcpReply.Ok(verb);
    }

    /// <summary>LOAD: the clip goes on air holding its first frame, as CasparCG's LOAD shows it; PLAY starts it.</summary>
    private static ChannelCommand Load(int layer, Producer clip) =>
        new($"load {clip.Name} paused on layer {layer}", stage =>
        {
            stage[layer].Load(clip);
            stage[layer].Pause();
        });

    /// <summary>PLAY with a clip: loads it behind the layer and takes it, in one tick.</summary>
    private static ChannelCommand Play(int layer, Producer clip, Transition transition) =>
        new($"play {clip.Name} on layer {layer} ({transition})", stage =>
        {
            stage[layer].LoadBackground(clip);
            stage[layer].Take(transition);
        });

    private static async Task Apply(ChannelRuntime channel, ChannelCommand command)
    {
        try
        {
            await channel.Channel.Execute(command).WaitAsync(ApplyLimit);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{channel.Channel.Name} did not apply '{command.Description}' within {ApplyLimit.TotalSeconds:0} s");
        }
    }

    /// <summary>The clip the first parameter names, with LOOP, SEEK and LENGTH (in the channel's frames).</summary>
    private Producer Clip(ChannelRuntime channel, AmcpRequest request)
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

    /// <summary>MIX n: a dissolve over n frames; a cut without.</summary>
    private static Transition TransitionOf(AmcpRequest request) =>
        Frames(request, "MIX") is { } frames ? new Transition(TransitionKind.Mix, (int)frames) : Transition.Cut;

    /// <summary>The frame count after <paramref name="keyword"/>; null without the keyword.</summary>
    /// <exception cref="AmcpFailure">402 for a value that is not a count of frames (0 to 10 000 000).</exception>
    private static long? Frames(AmcpRequest request, string keyword)
    {
        if (request.ValueAfter(keyword) is not { } text)
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long frames) && frames <= 10_000_000 ? frames
            : throw AmcpFailure.BadParameter(request.Verb, $"{keyword} takes a number of frames (0 to 10000000); got '{text}'");
    }
}
