using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Engine.Probes;
using static Playout.Automation.Runtime.ProbeNotes;

namespace Playout.Automation.Tests.Runtime;

/// <summary>A probe's episode becomes one as-run note per item it touched, tiling the episode exactly.</summary>
public class ProbeNotesTests
{
    private sealed class TickTimecodes : ITimecodes
    {
        public string OfDay(long tick) => $"t{tick}";
        public string Duration(long frames) => $"{frames}f";
    }

    private sealed record Note(ProbeKind Kind, string Item, long From, long Frames, string Reason);

    private static readonly DateOnly Day = new(2026, 12, 5);

    private static ItemSpan Item(string id, long start, long? end = null) => new($"{Day:yyyy-MM-dd}/{id}", Day, id, id, $"{id}.mxf", start, end);

    private static AsRunEntry Aired(ItemSpan item) =>
        new("c", Day, item.Key, item.EventId, item.Title, "clip", item.Source, AsRunStatus.Played, null, item.Start, null, null, item.End!.Value - item.Start,
            item.Start, null, null, item.End!.Value - item.Start, "");

    private static ProbeEvent Open(ProbeKind kind, long start) => new(kind, start, default, null, null);

    private static ProbeEvent Close(ProbeKind kind, long start, long end) => new(kind, start, default, end, default);

    private static (ProbeNotes Notes, List<Note> Written, Writer Write) Start()
    {
        var written = new List<Note>();
        return (new ProbeNotes(new TickTimecodes()), written, (kind, item, from, frames, reason) => written.Add(new Note(kind, item.EventId, from, frames, reason)));
    }

    [Fact]
    public void An_episode_inside_one_item_is_one_note_from_its_first_frame_to_its_end()
    {
        var (notes, written, write) = Start();
        var a = Item("a", 50);
        notes.Opened(Open(ProbeKind.Black, 100), a, [], write);
        Assert.Empty(written);
        notes.Closed(Close(ProbeKind.Black, 100, 200), a, write);
        Assert.Equal([new Note(ProbeKind.Black, "a", 100, 100, "black from t100 to t200")], written);
    }

    [Fact]
    public void An_episode_that_began_in_an_item_already_ended_when_it_was_reported_closes_that_item_at_once()
    {
        var (notes, written, write) = Start();
        var a = Item("a", 0, 80);
        var b = Item("b", 80);
        notes.Opened(Open(ProbeKind.Freeze, 60), b, [Aired(Item("before", -100, 0)), Aired(a)], write);
        Assert.Equal([new Note(ProbeKind.Freeze, "a", 60, 20, "freeze from t60 to the end of the item at t80; it went on")], written);
        notes.Closed(Close(ProbeKind.Freeze, 60, 150), b, write);
        Assert.Equal(new Note(ProbeKind.Freeze, "b", 80, 70, "freeze since t60 (before this item), here from t80 to t150"), written[1]);
    }

    [Fact]
    public void A_freeze_lasting_past_the_end_of_an_item_is_closed_there_and_goes_on_in_the_next()
    {
        var (notes, written, write) = Start();
        var a = Item("a", 50);
        notes.Opened(Open(ProbeKind.Freeze, 100), a, [], write);
        notes.ItemEnded(a, 300, write);
        var b = Item("b", 300);
        notes.ItemEnded(b, 400, write);
        notes.Closed(Close(ProbeKind.Freeze, 100, 450), Item("c", 400), write);
        Assert.Equal(
            [(100L, 200L, "a"), (300L, 100L, "b"), (400L, 50L, "c")],
            written.Select(n => (n.From, n.Frames, n.Item)));
        Assert.EndsWith("to the end of the item at t300; it went on", written[0].Reason);
    }

    [Fact]
    public void An_episode_open_when_the_service_stops_is_written_up_to_the_stop()
    {
        var (notes, written, write) = Start();
        var a = Item("a", 0);
        notes.Opened(Open(ProbeKind.Silence, 10), a, [], write);
        notes.Stopped(a, 90, write);
        Assert.Equal([new Note(ProbeKind.Silence, "a", 10, 80, "silence from t10 to t90, when the service stopped")], written);
        notes.Closed(Close(ProbeKind.Silence, 10, 95), a, write);
        Assert.Single(written);
    }

    /// <summary>
    /// Generated running orders and episodes of the three kinds, reported as the probes report them (open once they have
    /// lasted 50 frames, perhaps after cuts; closed on their end frame): each episode's notes tile it exactly, each note
    /// lies inside one item, and a note ends at an item's end exactly when it says so.
    /// </summary>
    [Fact]
    public void Notes_tile_every_episode_and_never_cross_an_item_boundary()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var cuts = new SortedSet<long> { 0 };
            for (int i = 0; i < random.Next(1, 12); i++)
                cuts.Add(random.Next(1, 2000));
            var items = cuts.Zip(cuts.Skip(1).Append(2000L), (s, e) => Item($"i{s}", s, e)).ToArray();
            var episodes = new List<(ProbeKind Kind, long Start, long End)>();
            foreach (var kind in Enum.GetValues<ProbeKind>())
            {
                for (long at = random.Next(0, 300); at < 1700; at += random.Next(60, 600))
                {
                    long end = Math.Min(1999, at + random.Next(50, 500));
                    episodes.Add((kind, at, end));
                    at = end;
                }
            }
            var (notes, written, write) = Start();
            var aired = new List<AsRunEntry>();
            for (long tick = 0; tick < 2000; tick++)
            {
                var onAir = items.Single(i => i.Start <= tick && tick < i.End);
                if (tick > 0 && onAir.Start == tick)
                {
                    var ended = items.Single(i => i.End == tick);
                    notes.ItemEnded(ended with { End = null }, tick, write);
                    aired.Add(Aired(ended));
                }
                var current = onAir with { End = null };
                foreach (var e in episodes.Where(e => e.Start + 50 == tick))
                    notes.Opened(Open(e.Kind, e.Start), current, aired, write);
                foreach (var e in episodes.Where(e => e.End == tick))
                    notes.Closed(Close(e.Kind, e.Start, e.End), current, write);
            }
            foreach (var (kind, start, end) in episodes)
            {
                var parts = written.Where(n => n.Kind == kind && n.From >= start && n.From < end).OrderBy(n => n.From).ToArray();
                Assert.True(parts.Length > 0, $"seed {seed}: no note for {kind} {start}-{end}");
                Assert.Equal(start, parts[0].From);
                Assert.Equal(end, parts[^1].From + parts[^1].Frames);
                for (int i = 1; i < parts.Length; i++)
                    Assert.Equal(parts[i - 1].From + parts[i - 1].Frames, parts[i].From);
                foreach (var part in parts)
                {
                    var item = items.Single(i => i.EventId == part.Item);
                    Assert.True(item.Start <= part.From && part.From + part.Frames <= item.End, $"seed {seed}: {part} outside {item}");
                    bool atItemEnd = part.From + part.Frames == item.End, saysSo = part.Reason.Contains("to the end of the item");
                    // An episode ending on the very frame of a cut may be told as going on: its end is reported after the cut.
                    Assert.True(saysSo ? atItemEnd : !(atItemEnd && part.From + part.Frames < end), $"seed {seed}: {part} in {item}");
                }
            }
            Assert.Equal(written.Count, written.Distinct().Count());
        }
    }
}
