using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// The channels AMCP addresses, numbered from 1 as configured, and the layer-ownership rule: a channel's automation
/// layers (its primary and graphics layers) belong to the schedule, so AMCP may not drive them.
/// Until the service has put them on air (<see cref="OnAir"/>) there are none to drive.
/// </summary>
public sealed class AmcpChannels(IReadOnlyList<ChannelConfig> configs)
{
    private volatile IReadOnlyList<ChannelRuntime> _running = [];

    /// <summary>CasparCG's layer when a command names a channel only.</summary>
    public const int DefaultLayer = 0;

    /// <summary>The highest layer AMCP may address (each layer addressed is kept by the stage).</summary>
    public const int MaxLayer = 9999;

    public IReadOnlyList<ChannelRuntime> Running => _running;

    /// <summary>The channels, in configuration order, once every one is on air.</summary>
    public void OnAir(IReadOnlyList<ChannelRuntime> channels) => _running = [.. channels];

    /// <summary>The channel a request names.</summary>
    /// <exception cref="AmcpFailure">401 for a channel that does not exist or is not on air yet.</exception>
    public ChannelRuntime Find(AmcpRequest request)
    {
        int number = request.Channel!.Value;
        if (number > configs.Count)
            throw AmcpFailure.IllegalChannel(request.Verb, $"there is no channel {number} (this server has {configs.Count})");
        var runtimes = _running;
        return number <= runtimes.Count ? runtimes[number - 1]
            : throw AmcpFailure.IllegalChannel(request.Verb, $"channel {number} is not on air yet");
    }

    /// <summary>Why AMCP may not drive <paramref name="layer"/> of channel <paramref name="number"/>, or null when it may.</summary>
    public string? OwnerOf(int number, int layer) =>
        configs[number - 1].Automation is { } automation && (layer == automation.Layer || layer == automation.GraphicsLayer)
            ? $"layer {number}-{layer} is run by the channel's schedule automation ({(layer == automation.Layer ? "its primary layer" : "its graphics layer")}); AMCP may drive other layers"
            : null;

    /// <summary>The layer a request names (<see cref="DefaultLayer"/> when none), checked against <see cref="OwnerOf"/>.</summary>
    /// <exception cref="AmcpFailure">401 for a layer above <see cref="MaxLayer"/>; 403 for a layer the automation runs.</exception>
    public int Layer(AmcpRequest request)
    {
        int layer = request.Layer ?? DefaultLayer;
        if (layer > MaxLayer)
            throw AmcpFailure.IllegalChannel(request.Verb, $"layer {layer} is above {MaxLayer}");
        return OwnerOf(request.Channel!.Value, layer) is { } owner ? throw AmcpFailure.Refused(request.Verb, owner) : layer;
    }
}
