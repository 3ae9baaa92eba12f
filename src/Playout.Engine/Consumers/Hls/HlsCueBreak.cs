namespace Playout.Engine.Consumers;

/// <summary>
/// A break as the de facto cue tags mark it (<c>#EXT-X-CUE-OUT</c>, <c>-CONT</c>, <c>#EXT-X-CUE-IN</c>, which ad
/// insertion servers read where they do not read date ranges): when it leaves the network, its planned length, and when
/// it returns (null while not known).
/// </summary>
public sealed record HlsCueBreak(DateTimeOffset Out, double? Duration, DateTimeOffset? In)
{
    /// <summary>The breaks among an output's date ranges: each range with SCTE35-OUT, its return its end or planned end.</summary>
    public static List<HlsCueBreak> Of(IEnumerable<HlsDateRange> ranges, Func<long, DateTimeOffset> dateOf) =>
        [.. ranges.Where(r => r.Attributes.Any(a => a.Key == "SCTE35-OUT"))
            .Select(r => new HlsCueBreak(dateOf(r.StartTick), r.PlannedDuration, r.Until(dateOf)))];

    /// <summary>
    /// The cue tag before segment <paramref name="index"/> of <paramref name="starts"/> (the listed segments' dates, the
    /// last one's end after them), or null. Cue tags sit between segments, so the break leaves at the boundary nearest
    /// its splice and returns at the one nearest its return; the segments between carry CUE-OUT-CONT with the time since
    /// it left, so a player that joins in the break knows.
    /// </summary>
    public string? TagBefore(int index, IReadOnlyList<DateTimeOffset> starts)
    {
        int? leaves = Nearest(Out, starts), returns = In is { } back ? Nearest(back, starts) : null;
        if (index == leaves)
            return Duration is { } d ? FormattableString.Invariant($"#EXT-X-CUE-OUT:DURATION={d:0.000}") : "#EXT-X-CUE-OUT";
        if (index == returns)
            return "#EXT-X-CUE-IN";
        // Inside: after the boundary it left at (or it left before the window) and before the one it returns at.
        bool after = leaves is { } l ? index > l : Out < starts[0];
        bool before = returns is { } r ? index < r : In is not { } end || end > starts[^1];
        if (!after || !before)
            return null;
        // Left before the window: at the boundary nearest its splice on the segments' grid, as the playlists said then.
        var left = leaves is { } at ? starts[at] : starts[0] - Math.Round((starts[0] - Out) / (starts[1] - starts[0])) * (starts[1] - starts[0]);
        string elapsed = FormattableString.Invariant($"{(starts[index] - left).TotalSeconds:0.000}");
        return Duration is { } planned ? FormattableString.Invariant($"#EXT-X-CUE-OUT-CONT:ElapsedTime={elapsed},Duration={planned:0.000}")
            : $"#EXT-X-CUE-OUT-CONT:ElapsedTime={elapsed}";
    }

    /// <summary>The index of the boundary nearest <paramref name="time"/> among the segments' starts, or null when it lies outside them.</summary>
    private static int? Nearest(DateTimeOffset time, IReadOnlyList<DateTimeOffset> starts)
    {
        if (starts.Count < 2 || time < starts[0] - (starts[1] - starts[0]) / 2 || time > starts[^1])
            return null;
        int nearest = 0;
        for (int i = 1; i < starts.Count; i++)
            if ((time - starts[i]).Duration() < (time - starts[nearest]).Duration())
                nearest = i;
        return nearest < starts.Count - 1 ? nearest : null;
    }
}
