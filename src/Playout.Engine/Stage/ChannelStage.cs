using Playout.Engine.Channels;
using Playout.Engine.Mixing;
using Playout.Engine.Producers;

namespace Playout.Engine.Stage;

/// <summary>The numbered layers of a channel, composited bottom (lowest number) to top.</summary>
public sealed class ChannelStage : IDisposable
{
    private readonly ChannelContext _channel;
    private readonly SortedList<int, Layer> _layers = new();
    private LayerOutput[] _outputs = new LayerOutput[8];
    private LayerOutput[] _unseen = new LayerOutput[8];
    private readonly HashSet<int> _hidden = [];
    private TalkOver[]? _talkOver;

    internal ChannelStage(ChannelContext channel) => _channel = channel;

    public IEnumerable<Layer> Layers => _layers.Values;

    public int Count => _layers.Count;

    /// <summary>
    /// The one layer shown while set (an emergency cut to the filler, a slate or a live input): the others go on playing,
    /// unseen and unheard, so clearing it shows them where they are by then.
    /// </summary>
    public int? Cover { get; set; }

    /// <summary>Layers not shown (the channel's graphics off): they go on playing, unseen and unheard.</summary>
    public IReadOnlySet<int> Hidden => _hidden;

    /// <summary>Shows (<paramref name="shown"/>) or hides layer <paramref name="number"/>.</summary>
    public void Show(int number, bool shown)
    {
        if (shown)
            _hidden.Remove(number);
        else
            _hidden.Add(number);
    }

    /// <summary>The layer with this number, created empty on first use.</summary>
    public Layer this[int number]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(number);
            if (!_layers.TryGetValue(number, out var layer))
                _layers.Add(number, layer = new Layer(number, _channel));
            return layer;
        }
    }

    /// <summary>
    /// Every layer's output for this tick, bottom to top; valid until the next call. The lowest layer is the programme
    /// layer (the filler covers its gaps). A layer that throws contributes nothing this tick and raises its alarm;
    /// the others are unaffected. The channel's talk-over rules then duck the sound of the layers they name.
    /// </summary>
    internal Span<LayerOutput> Produce(scoped in ProduceContext context, Producer filler, V210Compositor compositor)
    {
        if (_outputs.Length < _layers.Count)
            _outputs = new LayerOutput[_layers.Count * 2];
        var layers = _layers.Values;
        for (int i = 0; i < layers.Count; i++)
        {
            try
            {
                _outputs[i] = layers[i].Produce(context, filler, compositor, programme: i == 0);
            }
            catch (Exception error)
            {
                _outputs[i] = default;
                layers[i].Failed(error);
            }
        }
        _talkOver ??= [.. _channel.TalkOver.Select(rule => new TalkOver(rule, _channel.Format))];
        foreach (var rule in _talkOver)
            rule.Apply(_layers.Keys, _outputs.AsSpan(0, layers.Count));
        return _outputs.AsSpan(0, layers.Count);
    }

    /// <summary>Whether a layer has <paramref name="producer"/> on air, pre-rolled or in a transition.</summary>
    internal bool Holds(Producer producer) => _layers.Values.Any(layer => layer.Holds(producer));

    /// <summary>Disposes a producer the stage does not hold, without the tick waiting for its threads.</summary>
    internal void Retire(Producer producer) => _channel.Background.Dispose(producer);

    /// <summary>
    /// What of <paramref name="produced"/> (this tick's <see cref="Produce"/>) is shown, bottom to top: the <see cref="Cover"/>
    /// alone, else every layer not <see cref="Hidden"/>. The entries are reordered in place (the shown ones first, in order),
    /// so releasing all of <paramref name="produced"/> after the mix releases each frame once, whatever the mixer took over.
    /// </summary>
    internal Span<LayerOutput> Shown(Span<LayerOutput> produced)
    {
        if (Cover is null && _hidden.Count == 0)
            return produced;
        if (_unseen.Length < produced.Length)
            _unseen = new LayerOutput[produced.Length * 2];
        var layers = _layers.Values;
        int shown = 0, unseen = 0;
        for (int i = 0; i < produced.Length; i++)
        {
            int number = layers[i].Number;
            if (Cover is int cover ? number == cover : !_hidden.Contains(number))
                produced[shown++] = produced[i];
            else
                _unseen[unseen++] = produced[i];
        }
        _unseen.AsSpan(0, unseen).CopyTo(produced[shown..]);
        _unseen.AsSpan(0, unseen).Clear();
        return produced[..shown];
    }

    public void Dispose()
    {
        foreach (var layer in _layers.Values)
            layer.Dispose();
        _layers.Clear();
    }
}
