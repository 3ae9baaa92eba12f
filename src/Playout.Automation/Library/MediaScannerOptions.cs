namespace Playout.Automation.Library;

/// <summary>What the media scanner looks at and how patient it is.</summary>
public sealed record MediaScannerOptions
{
    /// <summary>Extensions of the files FFmpeg plays (clips, sound, stills), matched in any case.</summary>
    public static readonly IReadOnlyList<string> DefaultExtensions =
    [
        ".mxf", ".mov", ".mp4", ".m4v", ".mkv", ".ts", ".m2ts", ".mts", ".mpg", ".mpeg", ".avi", ".webm", ".dv",
        ".wav", ".mp3", ".aac", ".m4a", ".flac",
        ".png", ".jpg", ".jpeg", ".tga", ".tif", ".tiff",
    ];

    /// <summary>Folders scanned recursively (hidden files and folders, names starting with '.', are skipped).</summary>
    public required IReadOnlyList<string> Folders { get; init; }

    public IReadOnlyList<string> Extensions { get; init; } = DefaultExtensions;

    /// <summary>After a change in a watched folder, how long it must stay quiet before the rescan (a copy of 100 files makes one scan).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A new or changed file is probed only once it has not changed for this long (its write time is this old, or
    /// its size and time stayed the same between scans this far apart), so a file being copied in is not probed
    /// half-way. Zero probes everything at once (the one-shot CLI scan).
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While watching, a full rescan at least this often: network shares (NFS, SMB) do not report changes made by other
    /// machines, and a watcher's buffer can overflow. A rescan of an unchanged library only reads file sizes and times.
    /// </summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromMinutes(5);

    public int ThumbnailWidth { get; init; } = 192;

    /// <summary>
    /// Measure each file's loudness and true peak (EBU R128) when probing it, for playout's per-item normalisation.
    /// It decodes all of a file's sound (an hour of stereo AAC takes seconds); off, files are catalogued unmeasured.
    /// </summary>
    public bool MeasureLoudness { get; init; } = true;
}
