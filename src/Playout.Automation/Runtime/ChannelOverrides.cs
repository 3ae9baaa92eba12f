using Playout.Engine.Channels;
using Playout.Engine.Commands;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// An operator's overrides of what the automation puts on air, applied at the channel's next tick: an **emergency** shows
/// one layer alone (the filler or a slate loaded on <see cref="EmergencyLayer"/>, or a live input's own layer) while the
/// automation runs on underneath, unseen and unheard, so clearing it shows the event whose time it is, in progress; and
/// **graphics off** hides the channel's graphics layers (they go on playing). Used under the automation's lock.
/// </summary>
internal sealed class ChannelOverrides(Channel channel)
{
    /// <summary>The layer an emergency's filler or slate is loaded on: above any the configuration or the automation uses.</summary>
    public const int EmergencyLayer = 1000;

    private bool _loaded;

    public EmergencyStatus? Emergency { get; private set; }
    public bool GraphicsOn { get; private set; } = true;

    /// <summary>Cuts to <paramref name="producer"/> on the emergency layer, or (null) to layer <paramref name="layer"/> as it is (a live input's).</summary>
    public void Cut(EmergencyStatus emergency, int layer, Producer? producer)
    {
        bool load = producer is not null;
        channel.Execute(new ChannelCommand($"emergency: {emergency.To}", stage =>
        {
            if (producer is not null)
                stage[layer].Load(producer);
            stage.Cover = layer;
        }, carries: producer));
        _loaded |= load;
        Emergency = emergency;
    }

    /// <summary>Shows every layer again; the emergency layer's producer goes off air.</summary>
    public void Clear()
    {
        bool loaded = _loaded;
        channel.Execute(new ChannelCommand("emergency cleared", stage =>
        {
            stage.Cover = null;
            if (loaded)
                stage[EmergencyLayer].Stop();
        }));
        _loaded = false;
        Emergency = null;
    }

    public void Graphics(IReadOnlyList<int> layers, bool on)
    {
        channel.Execute(StageCommands.Show(layers, on));
        GraphicsOn = on;
    }

    /// <summary>Why <paramref name="on"/> changes nothing, or null.</summary>
    public string? GraphicsUnchanged(bool on) => GraphicsOn == on ? $"graphics are already {(on ? "on" : "off")}" : null;
}
