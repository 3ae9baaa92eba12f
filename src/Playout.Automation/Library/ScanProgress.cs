namespace Playout.Automation.Library;

/// <summary>Progress of a scan's probing: <paramref name="Done"/> of the <paramref name="Total"/> new or changed files, the last one being <paramref name="Current"/>.</summary>
/// <param name="Error">FFmpeg's error when <paramref name="Current"/> turned out unplayable; null when it plays.</param>
public readonly record struct ScanProgress(int Done, int Total, string Current, string? Error = null)
{
    public int Percent => Total == 0 ? 100 : Done * 100 / Total;
}
