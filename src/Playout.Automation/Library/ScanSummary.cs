namespace Playout.Automation.Library;

/// <summary>What one scan did.</summary>
/// <param name="Files">Media files found in the folders.</param>
/// <param name="Probed">New or changed files probed (and catalogued).</param>
/// <param name="Unplayable">Of those probed, how many FFmpeg cannot play.</param>
/// <param name="Unchanged">Files whose size and time match the catalogue: not probed.</param>
/// <param name="Removed">Catalogue entries dropped because their file is gone.</param>
/// <param name="Deferred">New or changed files left for a later scan because they may still be being written.</param>
/// <param name="MissingFolders">Configured folders that do not exist (or are not mounted); their entries are kept.</param>
public sealed record ScanSummary(
    int Files, int Probed, int Unplayable, int Unchanged, int Removed, int Deferred, IReadOnlyList<string> MissingFolders, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Files} file(s): {Probed} probed ({Unplayable} unplayable), {Unchanged} unchanged, {Removed} removed, {Deferred} deferred"
        + (MissingFolders.Count > 0 ? $"; missing folder(s): {string.Join(", ", MissingFolders)}" : "")
        + $" in {Elapsed.TotalSeconds:0.0} s";
}
