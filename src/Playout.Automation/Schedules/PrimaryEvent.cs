namespace Playout.Automation.Schedules;

/// <summary>
/// One primary event of a day's schedule. Times are channel-independent (TimeSpan); they become ticks when the
/// schedule is planned against a channel.
/// </summary>
/// <param name="Id">Unique within the day; names the event in edits, alarms and the as-run log.</param>
/// <param name="Source">A media path or URL (clip, live, still), a colour or "bars" (filler); null for a block.</param>
/// <param name="Start">For <see cref="TimingMode.Fixed"/>: the time of day it starts; a time before the channel's day start falls on the next calendar morning.</param>
/// <param name="Duration">How long it runs; for a clip, defaults to Out − In or the file's length.</param>
/// <param name="In">Where a clip starts playing in its file.</param>
/// <param name="Out">Where a clip stops (that frame is not played).</param>
/// <param name="Loop">A clip or block repeats until <paramref name="Duration"/> is filled.</param>
/// <param name="Children">A block's events, played in order (their own timing must be follow).</param>
/// <param name="Mix">How long the event mixes in over the one before (its sound cross-fades, its picture dissolves): the
/// one before plays on under it for that long, past its own end (a song's tail after its segue point); null: a cut.</param>
public sealed record PrimaryEvent(
    string Id,
    PrimaryKind Kind,
    string? Source = null,
    string? Title = null,
    TimingMode Timing = TimingMode.Follow,
    TimeSpan? Start = null,
    TimeSpan? Duration = null,
    TimeSpan? In = null,
    TimeSpan? Out = null,
    bool Loop = false,
    IReadOnlyList<SecondaryEvent>? Secondaries = null,
    IReadOnlyList<PrimaryEvent>? Children = null,
    TimeSpan? Mix = null)
{
    /// <summary>The longest mix an event may have.</summary>
    public static readonly TimeSpan MaxMix = TimeSpan.FromSeconds(30);

    public IReadOnlyList<SecondaryEvent> SecondaryEvents => Secondaries ?? [];
    public IReadOnlyList<PrimaryEvent> Blocks => Children ?? [];

    /// <summary>What the as-run log and status show: the title, or the source's file name.</summary>
    public string DisplayName => Title ?? (Source is null ? Id : Path.GetFileName(Source.TrimEnd('/')) is { Length: > 0 } name ? name : Source);
}
