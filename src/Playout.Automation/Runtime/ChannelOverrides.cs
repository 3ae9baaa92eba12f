using Playout.Engine.Channels;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Automation.Runtime;

/// <summary>
/// An operator's overrides of what the automation puts on air, applied at the channel's next tick: an **emergency** shows
/// one layer alone (the filler or a slate loaded on <see cref="EmergencyLayer"/>, or a live input's own layer) while the
/// automation runs on underneath, unseen and unheard, so clearing it shows the event whose time it is, in progress; and
/// **graphics off** hides the channel's graphics layers (they go on playing); a **break-in** (an operator's insert while a
/// block is on air) shows an insert alone on <see cref="InsertLayer"/> for its length, the block running on underneath as under
/// an emergency. Used under the automation's lock.
/// </summary>
internal sealed class ChannelOverrides(Channel channel)
{
    /// <summary>The layer an emergency's filler or slate is loaded on: above any the configuration or the automation uses.</summary>
    public const int EmergencyLayer = 1000;

    /// <summary>The layer a break-in's insert plays on: under the emergency's, so an emergency covers it too.</summary>
    public const int InsertLayer = 999;

    private bool _loaded;

    /// <summary>Numbers the break-ins: the commands of one that was ended or replaced do nothing when their tick comes.</summary>
    private int _breakIns;

    public EmergencyStatus? Emergency { get; private set; }
    public bool GraphicsOn { get; private set; } = true;

    /// <summary>The break-in pre-rolled or on air, until its end tick (read <see cref="BreakIn.End"/> against the tick).</summary>
    public BreakIn? BreakIn { get; private set; }

    /// <summary>
    /// Pre-rolls <paramref name="producer"/> on <see cref="InsertLayer"/> now, shows it alone from <paramref name="start"/> (under an
    /// emergency in force: unseen, until the emergency is cleared) and takes it off at <paramref name="end"/>.
    /// </summary>
    public void StartBreakIn(BreakIn breakIn, Producer producer)
    {
        int number = ++_breakIns;
        bool Current() => Volatile.Read(ref _breakIns) == number;
        channel.Execute(new ChannelCommand($"insert {breakIn.Item.Event.Id}: pre-roll", stage => stage[InsertLayer].LoadBackground(producer), carries: producer));
        channel.Execute(new ChannelCommand($"insert {breakIn.Item.Event.Id}", stage =>
        {
            if (!Current())
                return;
            stage[InsertLayer].TakeAsLoaded();
            stage.Cover ??= InsertLayer;
        }, atTick: breakIn.Start));
        channel.Execute(new ChannelCommand($"insert {breakIn.Item.Event.Id} ended", stage =>
        {
            if (Current())
                EndBreakIn(stage);
        }, atTick: breakIn.End));
        BreakIn = breakIn;
    }

    /// <summary>Ends the break-in at <paramref name="tick"/> (a take cuts it short), whether it is on air yet or only pre-rolled.</summary>
    public void CancelBreakIn(long tick)
    {
        if (BreakIn is null)
            return;
        int number = ++_breakIns;
        channel.Execute(new ChannelCommand("insert cut short", stage =>
        {
            if (Volatile.Read(ref _breakIns) == number)
                EndBreakIn(stage);
        }, atTick: tick));
        BreakIn = null;
    }

    /// <summary>Forgets a break-in whose end tick has passed.</summary>
    public void Expire(long now)
    {
        if (BreakIn is { } breakIn && now >= breakIn.End)
            BreakIn = null;
    }

    private static void EndBreakIn(ChannelStage stage)
    {
        if (stage.Cover == InsertLayer)
            stage.Cover = null;
        stage[InsertLayer].Stop();
        stage[InsertLayer].ClearBackground();
    }

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
        channel.Execute(new ChannelCommand("emergency cleared", stage => Uncover(stage, loaded)));
        _loaded = false;
        Emergency = null;
    }

    /// <summary>On the tick: every layer shows again (a break-in still on air alone, as the programme would); with <paramref name="loaded"/> the emergency layer's producer goes off air.</summary>
    public static void Uncover(ChannelStage stage, bool loaded)
    {
        stage.Cover = stage.Layers.Any(layer => layer.Number == InsertLayer && layer.Foreground is not null) ? InsertLayer : null;
        if (loaded)
            stage[EmergencyLayer].Stop();
    }

    public void Graphics(IReadOnlyList<int> layers, bool on)
    {
        channel.Execute(StageCommands.Show(layers, on));
        GraphicsOn = on;
    }

    /// <summary>Why <paramref name="on"/> changes nothing, or null.</summary>
    public string? GraphicsUnchanged(bool on) => GraphicsOn == on ? $"graphics are already {(on ? "on" : "off")}" : null;
}
