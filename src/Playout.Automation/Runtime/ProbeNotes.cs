using Playout.Automation.AsRun;
using Playout.Engine.Probes;

namespace Playout.Automation.Runtime;

/// <summary>
/// Turns the programme probes' episodes (black, freeze, silence) into as-run notes, one per item an episode touched: an
/// episode that lasts past the end of an item is closed there explicitly ("to the end of the item") and goes on as a note
/// of the next. A probe reports an episode only once it has lasted its set time, so its start may lie in items that have
/// already ended: those get their notes at once.
/// </summary>
internal sealed class ProbeNotes(ITimecodes timecodes)
{
    /// <summary>Each open episode's start, and where its part not yet written begins.</summary>
    private readonly Dictionary<ProbeKind, (long Start, long From)> _open = [];

    /// <summary>Writes one note: the kind of episode, the item it falls in, from a tick for some frames, and why.</summary>
    public delegate void Writer(ProbeKind kind, ItemSpan item, long from, long frames, string reason);

    /// <summary>An item as it aired: from <see cref="Start"/> until <see cref="End"/> (null while on air).</summary>
    public sealed record ItemSpan(string Key, DateOnly Day, string EventId, string Title, string? Source, long Start, long? End)
    {
        public static ItemSpan Of(OnAirItem item) =>
            new(item.Item.Key, item.Item.Day, item.Item.Event.Id, item.Item.Event.DisplayName, item.Item.Event.Source, item.Tick, null);

        public static ItemSpan? Of(AsRunEntry entry) => entry.Status.IsItem() && entry.ActualTick is long start
            ? new(entry.Key, entry.Day, entry.EventId, entry.Title, entry.Source, start, start + entry.ActualFrames)
            : null;
    }

    /// <param name="ended">The items that aired and came off lately, in any order.</param>
    public void Opened(ProbeEvent episode, ItemSpan? onAir, IEnumerable<AsRunEntry> ended, Writer write)
    {
        long start = episode.StartTick;
        foreach (var item in ended.Select(ItemSpan.Of).OfType<ItemSpan>().Where(i => i.End > start).OrderBy(i => i.Start))
        {
            long from = Math.Max(start, item.Start);
            write(episode.Kind, item, from, item.End!.Value - from, ToTheEnd(episode.Kind, start, from, item.End!.Value));
        }
        _open[episode.Kind] = (start, Math.Max(start, onAir?.Start ?? start));
    }

    /// <summary>The item on air came off at <paramref name="end"/>: each open episode's part in it is written.</summary>
    public void ItemEnded(ItemSpan item, long end, Writer write)
    {
        foreach (var (kind, (start, from)) in _open.ToArray())
        {
            if (from >= end)
                continue;
            write(kind, item, from, end - from, ToTheEnd(kind, start, from, end));
            _open[kind] = (start, end);
        }
    }

    public void Closed(ProbeEvent episode, ItemSpan? onAir, Writer write)
    {
        if (!_open.Remove(episode.Kind, out var open) || onAir is null)
            return;
        long end = episode.EndTick ?? open.From;
        if (end > open.From)
            write(episode.Kind, onAir, open.From, end - open.From, $"{Name(episode.Kind)} {Span(open.Start, open.From)} to {timecodes.OfDay(end)}");
    }

    /// <summary>The service stops: each open episode's part in the item on air is written, up to <paramref name="tick"/>.</summary>
    public void Stopped(ItemSpan? onAir, long tick, Writer write)
    {
        foreach (var (kind, (start, from)) in _open)
        {
            if (onAir is not null && tick > from)
                write(kind, onAir, from, tick - from, $"{Name(kind)} {Span(start, from)} to {timecodes.OfDay(tick)}, when {AsRunRecorder.ServiceStopped}");
        }
        _open.Clear();
    }

    private string ToTheEnd(ProbeKind kind, long start, long from, long end) =>
        $"{Name(kind)} {Span(start, from)} to the end of the item at {timecodes.OfDay(end)}; it went on";

    /// <summary>"from 20:45:54:00", or "since 20:45:54:00 (in the item before), here from 20:45:57:00".</summary>
    private string Span(long start, long from) =>
        from == start ? $"from {timecodes.OfDay(start)}" : $"since {timecodes.OfDay(start)} (before this item), here from {timecodes.OfDay(from)}";

    private static string Name(ProbeKind kind) => kind.ToString().ToLowerInvariant();
}
