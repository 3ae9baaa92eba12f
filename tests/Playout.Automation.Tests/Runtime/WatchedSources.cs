using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Producers;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The channel's real event sources, watched: every producer they open is recorded (by what it plays) with whether it
/// has been disposed, and opening a graphic can be made to wait, as a slow picture decode would.
/// </summary>
internal sealed class WatchedSources(IEventSources inner) : IEventSources
{
    private readonly List<(string Source, WatchedProducer Producer)> _opened = [];

    /// <summary>While reset, opening a graphic waits for it to be set; <see cref="GraphicOpening"/> is set when one starts.</summary>
    public ManualResetEventSlim GraphicGate { get; } = new(true);
    public ManualResetEventSlim GraphicOpening { get; } = new(false);

    /// <summary>The producers opened for <paramref name="source"/> so far.</summary>
    public IReadOnlyList<WatchedProducer> OpenedFor(string source)
    {
        lock (_opened)
            return [.. _opened.Where(o => o.Source == source).Select(o => o.Producer)];
    }

    public Producer Primary(PrimaryEvent e, TimeSpan offset) => Watch(e.Source ?? e.Id, inner.Primary(e, offset));

    public Producer Filler() => Watch("filler", inner.Filler());

    public Producer Graphic(string source)
    {
        GraphicOpening.Set();
        GraphicGate.Wait(TimeSpan.FromSeconds(30));
        return Watch(source, inner.Graphic(source));
    }

    private WatchedProducer Watch(string source, Producer producer)
    {
        var watched = new WatchedProducer(producer);
        lock (_opened)
            _opened.Add((source, watched));
        return watched;
    }
}

/// <summary>A real producer that remembers being disposed.</summary>
internal sealed class WatchedProducer(Producer inner) : Producer(inner.Name)
{
    private volatile bool _disposed;

    public bool IsDisposed => _disposed;
    public override bool IsReady => inner.IsReady;
    public override bool IsFinished => inner.IsFinished;
    public override long? Length => inner.Length;
    public override long Position => inner.Position;

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        bool received = inner.TryReceive(context, out frame);
        Failure = inner.Failure;
        return received;
    }

    public override void Play() => inner.Play();
    public override void Pause() => inner.Pause();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        _disposed = true;
    }
}
