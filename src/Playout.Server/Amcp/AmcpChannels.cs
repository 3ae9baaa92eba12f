using Playout.Engine.Commands;
using Playout.Engine.Probes;
using Playout.Media.Audio;
using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// The channels AMCP addresses, numbered from 1 as configured, and the layer-ownership rule: a channel's automation
/// layers (its primary and graphics layers) belong to the schedule, so AMCP may not drive them while the automation
/// runs; while an operator holds it (docs/AMCP.md "Who owns a layer") they are AMCP's too.
/// Until the service has put them on air (<see cref="OnAir"/>) there are none to drive.
/// </summary>
public sealed class AmcpChannels(IReadOnlyList<ChannelConfig> configs, AmcpMedia media)
{
    private volatile IReadOnlyList<ChannelRuntime> _running = [];

    /// <summary>CasparCG's layer when a command names a channel only.</summary>
    public const int DefaultLayer = 0;

    /// <summary>The highest layer AMCP may address (each layer addressed is kept by the stage).</summary>
    public const int MaxLayer = 9999;

    public IReadOnlyList<ChannelRuntime> Running => _running;

    public int Count => configs.Count;

    /// <summary>The channels, in configuration order, once every one is on air.</summary>
    public void OnAir(IReadOnlyList<ChannelRuntime> channels) => _running = [.. channels];

    /// <summary>The channel a request names.</summary>
    /// <exception cref="AmcpFailure">401 for a channel that does not exist or is not on air yet.</exception>
    public ChannelRuntime Find(AmcpRequest request) => Find(request.Verb, request.Channel!.Value);

    /// <inheritdoc cref="Find(AmcpRequest)"/>
    public ChannelRuntime Find(string verb, int number)
    {
        if (number < 1 || number > configs.Count)
            throw AmcpFailure.IllegalChannel(verb, $"there is no channel {number} (this server has {configs.Count})");
        var runtimes = _running;
        return number <= runtimes.Count ? runtimes[number - 1]
            : throw AmcpFailure.IllegalChannel(verb, $"channel {number} is not on air yet");
    }

    /// <summary>Why AMCP may not drive <paramref name="layer"/> of channel <paramref name="number"/>, or null when it may.</summary>
    public string? OwnerOf(int number, int layer)
    {
        if (configs[number - 1].Automation is not { } automation || (layer != automation.Layer && layer != automation.GraphicsLayer))
            return null;
        var runtimes = _running;
        if (number <= runtimes.Count && runtimes[number - 1].Automation?.Automation.Status().Held == true)
            return null;
        string which = layer == automation.Layer ? "its primary layer" : "its graphics layer";
        return $"layer {number}-{layer} is run by the channel's schedule automation ({which}); AMCP may drive it while an operator holds the automation, and other layers at any time";
    }

    /// <summary>The layer a request names (<see cref="DefaultLayer"/> when none), checked against <see cref="OwnerOf"/>.</summary>
    /// <exception cref="AmcpFailure">401 for a layer above <see cref="MaxLayer"/>; 403 for a layer the automation runs.</exception>
    public int Layer(AmcpRequest request) => Layer(request.Verb, request.Channel!.Value, request.Layer ?? DefaultLayer);

    /// <inheritdoc cref="Layer(AmcpRequest)"/>
    public int Layer(string verb, int number, int layer)
    {
        if (layer > MaxLayer)
            throw AmcpFailure.IllegalChannel(verb, $"layer {layer} is above {MaxLayer}");
        return OwnerOf(number, layer) is { } owner ? throw AmcpFailure.Refused(verb, owner) : layer;
    }

    /// <summary>Channel <paramref name="number"/>'s state in CasparCG's scheme (it waits for the channel's next tick).</summary>
    public IReadOnlyList<AmcpStateEntry> State(int number)
    {
        var runtime = _running[number - 1];
        var status = runtime.Channel.Status();
        if (!status.Running)
            Thread.Sleep(TimeSpan.FromSeconds(runtime.Context.Format.FrameDuration.ToDouble()));
        return AmcpState.Of(runtime.Context.Format, status.Layers, Peaks(runtime), media.NameOf);
    }

    /// <summary>
    /// Each programme channel's sample peak of the last frame, 0..1, from the channel's peak meters (the panel's, always
    /// on in the service: <see cref="AudioMeters"/>); silence where a channel has none.
    /// </summary>
    private static float[] Peaks(ChannelRuntime runtime)
    {
        var peaks = new float[AudioPool.ProgrammeChannels];
        var pairs = AudioMeters.Of(runtime.Channel)?.Status?.Pairs ?? [];
        for (int i = 0; i < pairs.Count * 2 && i < peaks.Length; i++)
        {
            double dbfs = pairs[i / 2].Peak[i % 2];
            peaks[i] = dbfs <= AudioMeters.Floor ? 0 : (float)Math.Pow(10, dbfs / 20);
        }
        return peaks;
    }

    /// <summary>How long a reply waits for the channel to apply its command.</summary>
    private static readonly TimeSpan ApplyLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Queues <paramref name="command"/> on channel <paramref name="number"/> as <paramref name="who"/> (the channel command
    /// path REST and the automation use) and waits for the tick that applies it; the as-run log of a channel with a
    /// schedule notes it. Returns that tick.
    /// </summary>
    /// <exception cref="InvalidOperationException">The command failed at the tick, or was not applied within 5 s (answered 501).</exception>
    public async Task<long> Apply(int number, ChannelCommand command, string who)
    {
        var runtime = Find("COMMAND", number);
        long tick;
        try
        {
            tick = await runtime.Channel.Execute(command.By(who)).WaitAsync(ApplyLimit);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{runtime.Channel.Name} did not apply '{command.Description}' within {ApplyLimit.TotalSeconds:0} s");
        }
        runtime.Automation?.Automation.NoteOperator(tick, "amcp", who, command.Description);
        return tick;
    }
}
