namespace Playout.Automation.Schedules;

/// <summary>Turns a day's events into plan entries: a block becomes its children in order, repeated while it loops.</summary>
internal sealed class BlockExpander(IScheduleTimeBase time, Func<PrimaryEvent, MediaTimes?> media)
{
    public IEnumerable<PlanGroup> Expand(DaySchedule day)
    {
        string prefix = day.Date.ToString("yyyy-MM-dd");
        foreach (var e in day.Events)
            yield return new PlanGroup(e, e.Kind == PrimaryKind.Block ? ExpandBlock(prefix, e) : [Entry($"{prefix}/{e.Id}", e, e.Timing, e.Start)]);
    }

    private IEnumerable<PlanEntry> ExpandBlock(string prefix, PrimaryEvent block)
    {
        long? total = block.Duration is { } d ? time.Frames(d) : null;
        long used = 0;
        bool first = true;
        // A loop ends when its duration is filled (the planner also stops reading at its horizon); validation makes loops have one.
        for (int pass = 0; pass == 0 || block.Loop && total is not null; pass++)
        {
            long before = used;
            foreach (var child in block.Blocks)
            {
                var entry = Entry($"{prefix}/{block.Id}/{child.Id}#{pass}", child,
                    first ? block.Timing : TimingMode.Follow, first ? block.Start : null) with { Repeat = pass > 0 };
                first = false;
                if (total is long limit && entry.Length is long length)
                {
                    if (used >= limit)
                        yield break;
                    // The pass that would run past the block's end is cut to fit.
                    entry = entry with { Length = Math.Min(length, limit - used) };
                    used += entry.Length!.Value;
                }
                yield return entry;
                // An open-ended child (a live source without duration) holds the block until a fixed start; a child that cannot
                // be laid out (unknown length) is skipped on its own and the others go on.
                if (entry.Problem is null && entry.Length is null && block.Loop)
                    yield break;
            }
            if (used == before)
                yield break;
        }
    }

    private PlanEntry Entry(string key, PrimaryEvent e, TimingMode timing, TimeSpan? fixedAt)
    {
        var file = e.Kind == PrimaryKind.Clip ? media(e) : null;
        var (length, problem) = LengthOf(e, file);
        return new PlanEntry(key, e, timing, fixedAt, length, e.In ?? file?.Start ?? TimeSpan.Zero, problem);
    }

    /// <summary>
    /// A clip runs for its duration, else Out − In, else from its in point (or cue-in) to its segue, cue-out or end, as the
    /// media catalogue has them. Other kinds run for their duration or, without one, until the next fixed start cuts them.
    /// </summary>
    public (long? Frames, string? Problem) LengthOf(PrimaryEvent e) => LengthOf(e, e.Kind == PrimaryKind.Clip ? media(e) : null);

    private (long? Frames, string? Problem) LengthOf(PrimaryEvent e, MediaTimes? file)
    {
        if (e.Duration is { } duration)
            return (time.Frames(duration), null);
        if (e.Kind != PrimaryKind.Clip)
            return (null, null);
        if (e.Out is { } outPoint)
            return (time.Frames(outPoint - (e.In ?? TimeSpan.Zero)), null);
        if (e.Loop)
            return (null, $"looping clip {e.Id} needs a duration");
        if (file is not null)
        {
            var from = e.In ?? file.Start;
            return file.End > from ? (time.Frames(file.End - from), null)
                : (null, $"{e.Source} ends on air at {file.End} (its segue, cue-out or end), not after where it starts ({from})");
        }
        return (null, $"length of {e.Source} unknown (no duration or out point, and the file is not in the media catalogue)");
    }
}
