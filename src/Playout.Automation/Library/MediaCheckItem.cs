namespace Playout.Automation.Library;

/// <summary>An upcoming schedule item whose media must be ready, as the media-missing check needs it.</summary>
/// <param name="Id">The item's id in its schedule.</param>
/// <param name="Title">What operators call it.</param>
/// <param name="Start">When it is planned to go on air.</param>
/// <param name="Media">A full path, or a name the catalogue resolves ("promo.mxf", "promo", "news/open.mxf"); a network URL (udp://, srt://) is not checked.</param>
/// <param name="Needed">How much of the file it plays (its in point plus its planned duration); null: not checked for length.</param>
public sealed record MediaCheckItem(string Id, string Title, DateTimeOffset Start, string Media, TimeSpan? Needed = null);
