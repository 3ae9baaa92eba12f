namespace Playout.Automation.Library;

/// <summary>Where the media library keeps its catalogue, what it scans, and how a schedule's media name becomes a path.</summary>
/// <param name="Database">The catalogue's SQLite file (created with its folder when missing).</param>
/// <param name="Scanner">The folders scanned and the scanner's patience.</param>
/// <param name="Resolve">A schedule's media name to the file's path (the service's media folder); URLs are never passed.</param>
public sealed record MediaLibraryOptions(string Database, MediaScannerOptions Scanner, Func<string, string> Resolve);
