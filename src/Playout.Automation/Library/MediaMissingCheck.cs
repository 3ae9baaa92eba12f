using System.Globalization;
using Playout.Engine;

namespace Playout.Automation.Library;

/// <summary>
/// Checks the media of upcoming schedule items against the catalogue, before air: a file that is not there,
/// cannot be played or is too short becomes a finding the schedule raises as an alarm while there is time to fix it.
/// Reads only the catalogue (no disk access, no probing), so checking a day's items is cheap.
/// </summary>
public static class MediaMissingCheck
{
    /// <summary>Container lengths are rounded and audio can end a little before the pictures: this much short is still fine.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMilliseconds(100);

    /// <summary>The findings for <paramref name="items"/>, in the order given; items whose media is ready give none.</summary>
    /// <param name="tolerance">How much shorter than <see cref="MediaCheckItem.Needed"/> a file may be; <see cref="DefaultTolerance"/> when null.</param>
    public static IReadOnlyList<MediaFinding> Check(IEnumerable<MediaCheckItem> items, MediaCatalog catalog, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(catalog);
        var findings = new List<MediaFinding>();
        foreach (var item in items)
        {
            if (CheckItem(item, catalog, tolerance ?? DefaultTolerance) is { } finding)
                findings.Add(finding);
        }
        return findings;
    }

    private static MediaFinding? CheckItem(MediaCheckItem item, MediaCatalog catalog, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(item.Media))
            return Finding(item, MediaProblem.Missing, null, "names no media");
        if (MediaUrl.IsNetwork(item.Media))
            return null;
        var candidates = Path.IsPathRooted(item.Media)
            ? catalog.Get(item.Media) is { } entry ? [entry] : []
            : catalog.FindByName(item.Media);
        if (candidates.Count == 0)
            return Finding(item, MediaProblem.Missing, null, $"media '{item.Media}' is not in the media library");
        // Several files can answer a bare name; the item is fine when one of them is.
        var playable = candidates.Where(c => c.Status == MediaStatus.Ok).ToList();
        if (playable.Count == 0)
            return Finding(item, MediaProblem.Unplayable, candidates[0].Path, $"file '{candidates[0].Path}' is unplayable: {candidates[0].Error}");
        if (item.Needed is not { } needed)
            return null;
        var longest = playable.MaxBy(c => c.Duration ?? TimeSpan.Zero)!;
        // A file whose container states no length (a still, a raw stream) is not judged.
        if (longest.Duration is not { } length || length + tolerance >= needed)
            return null;
        return Finding(item, MediaProblem.TooShort, longest.Path,
            $"file '{longest.Path}' runs {Seconds(length)}, shorter than the {Seconds(needed)} planned");
    }

    private static MediaFinding Finding(MediaCheckItem item, MediaProblem problem, string? path, string what) =>
        new(item, problem, path,
            $"'{item.Title}' (id {item.Id}) at {item.Start.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}: {what}");

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
