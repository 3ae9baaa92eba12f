using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// What a cue still needs opened — its producer (from <paramref name="offset"/> into its source), its graphics — done
/// outside the automation's lock, since opening a picture decodes it; the cue book installs the result afterwards.
/// </summary>
internal sealed class CueOpening(Cue cue, TimeSpan? offset, bool graphics)
{
    private readonly PlannedItem _item = cue.Item;

    public Cue Cue => cue;
    public Producer? Producer { get; private set; }
    public IReadOnlyDictionary<int, Producer>? Graphics { get; private set; }

    public void Open(IEventSources sources, SecondaryDispatcher secondaries)
    {
        if (offset is TimeSpan from)
            Producer = _item.IsFiller ? sources.Filler() : sources.Primary(_item.Event, from);
        if (graphics)
            Graphics = secondaries.OpenGraphics(_item.Event);
    }

    /// <summary>Closes what was opened, off the tick (the cue is no longer wanted).</summary>
    public void Discard(OffTickWork background)
    {
        background.Dispose(Producer);
        foreach (var graphic in Graphics?.Values ?? [])
            background.Dispose(graphic);
    }
}
